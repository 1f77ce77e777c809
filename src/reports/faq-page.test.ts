import { describe, expect, it } from 'vitest';
import type { ScenarioStory } from '../simulation/scenario-story.ts';
import { STORY_MEDIA_TYPE as STORY_TYPE_OF_SIMULATION } from '../simulation/scenario-story.ts';
import { renderFaqPage } from './faq-page.ts';
import { STORY_MEDIA_TYPE, storyOf } from './faq-page/story-html.ts';
import { FAQ_ANSWERS_PL, FAQ_QUESTIONS } from './faq-questions.ts';
import { buildRunModel } from './run/run-model.ts';
import { fakeRun } from './testing/fake-run.ts';

const story: ScenarioStory = {
  version: 1,
  at: '2026-03-02T10:20:00.000Z',
  emails: [{ at: '2026-03-02T10:15:00.000Z', from: 'Jan <jan@client.test>', to: ['sales@acme.test'], subject: 'Request <quote>', mailbox: 'sales@acme.test', folder: 'INBOX' },
    { at: '2026-03-02T10:16:00.000Z', from: 'sales@acme.test', to: ['x@other.test'], subject: 'Offer', mailbox: 'outbox', folder: 'other domains' }],
  intake: [{ mailbox: 'sales@acme.test', folder: 'INBOX', subject: 'Request <quote>', saved: false, outcome: 'The message is in the spam folder.' }],
  activities: [{ id: 1, direction: 'incoming', subject: 'Request <quote>', from: ['jan@client.test'], to: ['sales@acme.test'], boundTo: ['lead 1'], responsible: 'Anna Nowak', savedBy: 'Anna Nowak', completed: false, enteredCrm: '2026-03-02T10:20:00.000Z', received: '2026-03-02T10:15:00.000Z' }],
  items: [{ ref: 'lead 1', title: 'Request <quote>', responsible: 'Anna Nowak', details: 'status Unassigned', origin: 'created', timeline: [{ at: '2026-03-02T10:20:00.000Z', entry: 'New e-mail "Request <quote>" (entry by Anna Nowak)' }] }],
};

const results = () => buildRunModel(fakeRun([
  { uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
    { name: 'the fix', tags: ['@fix'], steps: [{ text: 'a', status: 'PASSED' }] },
    { name: 'spam <Inbox>', tags: ['@R1.3', '@problem'], steps: [{ text: 'a', status: 'PASSED' }], attachments: [{ mediaType: STORY_MEDIA_TYPE, body: JSON.stringify(story) }] },
    { name: 'manual save', steps: [{ keyword: 'Then', text: 'b "x"', status: 'FAILED', message: 'AssertionError: expected <1>\n    at /home/ci/repo/steps/x.steps.ts:3:7' }] },
    { name: 'the cause', tags: ['@cause'], steps: [{ keyword: 'Then', text: 'c', status: 'FAILED', message: 'There is no employee named "Ana"', errorType: 'FeatureWordingError' }] },
  ] },
  { uri: 'features/faq/q10.feature', name: 'Q10', tags: ['@Q10'], scenarios: [{ name: 'repeat lead', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'] }] },
  { uri: 'features/faq/q11.feature', name: 'Q11', tags: ['@Q11'], scenarios: [{ name: 'typo', steps: [{ text: 'a', status: 'UNDEFINED' }] }] },
  { uri: 'features/mail-server/delivery.feature', name: 'Delivery', scenarios: [{ name: 'untagged', steps: [{ text: 'c', status: 'PASSED' }] }] },
])).scenarios;

const rules = new Map([['R1.3', 'If "Move spam to folder" is set to Inbox, the Inbox is the spam folder.']]);

describe('renderFaqPage', () => {
  const html = renderFaqPage(results(), new Date('2026-03-02T10:00:00Z'), {
    flaky: [{ id: 'features/faq/q01.feature › spam <Inbox>', recent: ['failed', 'passed'], flips: 1, passedOnRetry: 0 }],
    rules, root: '/home/ci/repo',
    details: { node: 'v20.19.0', commit: 'feedbeef', branch: 'main', startedAt: '2026-03-02T09:00:00.000Z', ciBuildUrl: 'https://ci.example.test/runs/7' },
  });

  it('shows every question in Polish and English with its one-sentence answer in both', () => {
    for (const question of FAQ_QUESTIONS) {
      expect(html).toContain(`<span lang="pl">${question.polish}</span>`);
      expect(question.answer, question.id).toMatch(/^[A-Z].{40,}\.$/);
      expect(FAQ_ANSWERS_PL[question.id], question.id).toMatch(/^[A-ZĆŁŚŻŹ].{40,}\.$/);
    }
    expect(html).toContain("<strong>The FAQ's answer:</strong> If &quot;Move spam to folder&quot; points at Inbox");
    expect(html).toContain('<strong>Odpowiedź FAQ:</strong> Jeśli w punkcie „Przenieś spam do folderu”');
  });

  it('gives three verdicts, never calling a typo a product defect', () => {
    expect(html).toContain('<section class="question disagrees" id="Q1"');
    expect(html).toContain('<section class="question holds" id="Q10"');
    expect(html).toContain('<section class="question could-not-run" id="Q11"');
    expect(html).toContain('<section class="question no-scenarios" id="Q5"');
    expect(html).toMatch(/<li class="scenario disagrees" id="s-[0-9a-f]{10}" data-verdict="disagrees">/);
    expect(html).toMatch(/<li class="scenario could-not-run" id="s-[0-9a-f]{10}" data-verdict="could-not-run"><span class="badge">.*? <span class="name">the cause<\/span>/);
    expect(html).toContain('The feature&#39;s words are wrong'.replace('&#39;', "'"));
    expect(html).toContain('(<span class="en">1 of 4 disagree; 1 could not run; 2 pass</span><span class="pl" lang="pl">1 z 4 niezgodne; 1 nie dało się uruchomić; 2 przechodzą</span>)');
    expect(html).not.toContain('Partial run');
  });

  it('orders a question\'s scenarios problem, cause, fix, then the rest', () => {
    const order = ['spam &lt;Inbox&gt;', 'the cause', 'the fix', 'manual save'].map((name) => html.indexOf(`<span class="name">${name}</span>`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('links rule ids to the rule text the page carries', () => {
    expect(html).toContain('<a class="rule" href="#rule-R1.3" title="If &quot;Move spam to folder&quot; is set to Inbox, the Inbox is the spam folder.">R1.3</a>');
    expect(html).toContain('<dt id="rule-R1.3">R1.3</dt><dd lang="en">If &quot;Move spam to folder&quot; is set to Inbox, the Inbox is the spam folder.</dd>');
  });

  it('puts the plain sentence first and the stack, with paths from the project, behind a disclosure', () => {
    expect(html).toMatch(/<p class="sentence"><span class="en">expected &lt;1&gt;\.<\/span>/);
    expect(html).toContain('<details class="developers">');
    expect(html).toContain('at steps/x.steps.ts:3:7');
    expect(html).not.toContain('/home/ci/repo');
    expect(html).not.toContain('<Inbox>');
    expect(html).not.toContain('<quote>');
  });

  it("tells a scenario's story: its steps, e-mails, the CRM's decisions, items and timelines", () => {
    expect(html).toContain('<li class="step failed"><span class="kw">Then</span> b &quot;x&quot; <span class="step-status"><span class="en">✘ failed here</span>');
    expect(html).toContain('<td><time datetime="2026-03-02T10:15:00.000Z">10:15:00</time></td><td>Jan &lt;jan@client.test&gt;</td><td>sales@acme.test</td><td>Request &lt;quote&gt;</td><td>sales@acme.test / INBOX</td>');
    expect(html).toContain('<td><span class="en">outbox (another domain)</span><span class="pl" lang="pl">skrzynka nadawcza (inna domena)</span></td>');
    expect(html).toContain('The message is in the spam folder.');
    expect(html).toContain('<strong>lead 1</strong> “Request &lt;quote&gt;”');
    expect(html).toContain('<span class="origin created"><span class="en">created in this scenario</span>');
    expect(html).toContain('New e-mail &quot;Request &lt;quote&gt;&quot; (entry by Anna Nowak)');
  });

  it('marks flaky scenarios, from the history and from a pass on a retry', () => {
    expect(html).toContain('⚠ flaky: its result changed 1 time(s) in the last 2 runs');
    expect(html).toContain('⚠ flaky: it passed only on a retry');
  });

  it('names the original article and the run: commit, branch, date, Node, selection, CI build', () => {
    expect(html).toContain('<cite lang="pl">E-maile w CRM: najczęstsze pytania</cite>');
    for (const text of ['<code>feedbeef</code>', 'main', '2026-03-02 09:00:00 UTC', 'v20.19.0', 'every scenario', '<a href="https://ci.example.test/runs/7">']) expect(html).toContain(text);
  });

  it('shows a "Partial run" banner with the selection when the run left scenarios out', () => {
    const notRun = { ...results()[0]!, id: 'features/faq/q10.feature › other', name: 'other', tags: ['@Q10'], verdict: 'not-run' as const, status: 'skipped' as const, steps: [] };
    const partial = renderFaqPage([...results(), notRun], new Date(), { partial: true, details: { node: 'v20', selection: ['--tags', '@Q1'] } });
    expect(partial).toContain('<strong><span class="en">Partial run</span>');
    expect(partial).toContain('(selection: --tags @Q1)');
    expect(partial).toContain('<section class="question incomplete" id="Q10"');
  });

  it('shows the last runs as a strip and "failing since" from the history', () => {
    const id = 'features/faq/q01.feature › manual save';
    const run = (verdict: 'agrees' | 'disagrees', day: number) => ({ startedAt: `2026-03-0${day}T09:00:00.000Z`, commit: `c${day}`, scenarios: { [id]: { status: verdict === 'agrees' ? 'passed' as const : 'failed' as const, durationMs: 1, verdict } } });
    const page = renderFaqPage(results(), new Date(), { history: { runs: [run('agrees', 1), run('disagrees', 2), run('disagrees', 3)] } });
    expect(page).toContain('aria-label="last 3 runs: passed, disagreed, disagreed"');
    expect(page).toContain('failing since 2026-03-02 09:00 <code>c2</code>');
  });

  it('files untagged scenarios under other behaviour, and loads nothing from elsewhere', () => {
    expect(html).toContain('Other behaviour (the mail server, the CRM beyond the FAQ)');
    expect(html).not.toMatch(/<link|src="http|url\(|<script src/);
    expect(html).toContain('<html lang="en" data-filter="all">');
  });
});

describe('storyOf', () => {
  it('reads the story attachment and ignores anything unreadable', () => {
    expect(STORY_MEDIA_TYPE).toBe(STORY_TYPE_OF_SIMULATION);
    expect(storyOf([{ mediaType: STORY_MEDIA_TYPE, body: JSON.stringify(story) }])).toEqual(story);
    expect(storyOf([{ mediaType: STORY_MEDIA_TYPE, body: '{' }])).toBeUndefined();
    expect(storyOf([{ mediaType: STORY_MEDIA_TYPE, body: '{"version":2}' }])).toBeUndefined();
    expect(storyOf([{ mediaType: 'text/plain', body: 'x' }])).toBeUndefined();
  });
});
