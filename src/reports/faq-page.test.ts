import { describe, expect, it } from 'vitest';
import type { ScenarioStory } from '../simulation/scenario-story.ts';
import { STORY_MEDIA_TYPE as STORY_TYPE_OF_SIMULATION } from '../simulation/scenario-story.ts';
import { renderFaqPage } from './faq-page.ts';
import { STORY_MEDIA_TYPE, storyOf } from './faq-page/story-html.ts';
import { FAQ_QUESTIONS } from './faq-questions.ts';
import { buildRunModel } from './run/run-model.ts';
import { fakeRun } from './testing/fake-run.ts';

const story: ScenarioStory = {
  version: 1,
  at: '2026-03-02T10:20:00.000Z',
  emails: [{ at: '2026-03-02T10:15:00.000Z', from: 'Jan <jan@client.test>', to: ['sales@acme.test'], subject: 'Request <quote>', mailbox: 'sales@acme.test', folder: 'INBOX' },
    { at: '2026-03-02T10:16:00.000Z', from: 'sales@acme.test', to: ['x@other.test'], subject: 'Offer', mailbox: 'outbox', folder: 'other domains' }],
  intake: [{ mailbox: 'sales@acme.test', folder: 'INBOX', subject: 'Request <quote>', saved: false, outcome: 'The message is in the spam folder.' }],
  activities: [{ id: 1, direction: 'incoming', subject: 'Request <quote>', from: ['jan@client.test'], to: ['sales@acme.test'], boundTo: ['lead 1'], responsible: 'Anna Nowak', savedBy: 'Anna Nowak', completed: false, enteredCrm: '2026-03-02T10:20:00.000Z', received: '2026-03-02T10:15:00.000Z' }],
  items: [{ ref: 'lead 1', title: 'Request <quote>', responsible: 'Anna Nowak', details: 'status Unassigned', timeline: [{ at: '2026-03-02T10:20:00.000Z', entry: 'New e-mail "Request <quote>" (entry by Anna Nowak)' }] }],
};

const results = () => buildRunModel(fakeRun([
  { uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
    { name: 'spam <Inbox>', tags: ['@R1.3', '@problem'], steps: [{ text: 'a', status: 'PASSED' }], attachments: [{ mediaType: STORY_MEDIA_TYPE, body: JSON.stringify(story) }] },
    { name: 'manual save', steps: [{ text: 'b "x"', status: 'FAILED', message: 'expected <1>' }] },
  ] },
  { uri: 'features/faq/q10.feature', name: 'Q10', tags: ['@Q10'], scenarios: [{ name: 'repeat lead', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'] }] },
  { uri: 'features/mail-server/delivery.feature', name: 'Delivery', scenarios: [{ name: 'untagged', steps: [{ text: 'c', status: 'PASSED' }] }] },
])).scenarios;

describe('renderFaqPage', () => {
  const html = renderFaqPage(results(), new Date('2026-03-02T10:00:00Z'), { flaky: [{ id: 'features/faq/q01.feature › spam <Inbox>', recent: ['failed', 'passed'], flips: 1, passedOnRetry: 0 }] });

  it('shows every question in Polish and English with its one-sentence answer', () => {
    for (const question of FAQ_QUESTIONS) {
      expect(html).toContain(`<span lang="pl">${question.polish}</span>`);
      expect(question.answer, question.id).toMatch(/^[A-Z].{40,}\.$/);
    }
    expect(html).toContain("<strong>The FAQ's answer:</strong> If &quot;Move spam to folder&quot; points at Inbox");
  });

  it('gives each question a verdict in words, not colour alone', () => {
    expect(html).toContain('3 of 4 scenarios pass. 2 of 12 questions have scenarios; the answer holds for 1.');
    expect(html).toContain('<section class="question failing" id="Q1"');
    expect(html).toContain('<p class="verdict failing">✘ The answer does not hold: some scenarios fail (1 of 2 pass)</p>');
    expect(html).toContain('<p class="verdict passing">✔ The answer holds: every scenario passes (1 of 1 pass)</p>');
    expect(html).toContain('<section class="question not-specified" id="Q5"');
    expect(html).toContain('<td>– no scenarios</td>');
    expect(html).toContain('<span class="badge">✘ failed</span>');
  });

  it("labels what a scenario shows of its question: the problem, the cause, the fix or a refusal", () => {
    expect(html).toContain('<span class="role">the problem</span> <span class="name">spam &lt;Inbox&gt;</span> <span class="rules">R1.3</span>');
    expect(html).toContain('</span> <span class="name">manual save</span>');
  });

  it('shows a failure with its step, location and message, escaped', () => {
    expect(html).toContain('Failed at: <em>b &quot;x&quot;</em> (features/faq/q01.feature:');
    expect(html).toContain('expected &lt;1&gt;');
    expect(html).not.toContain('<Inbox>');
    expect(html).not.toContain('<quote>');
  });

  it("tells a scenario's story: e-mails, the CRM's decisions, items and timelines", () => {
    expect(html).toContain('<summary>What happened: 2 e-mails, 1 activity, 1 item</summary>');
    expect(html).toContain('<td><time datetime="2026-03-02T10:15:00.000Z">10:15:00</time></td><td>Jan &lt;jan@client.test&gt;</td><td>sales@acme.test</td><td>Request &lt;quote&gt;</td><td>sales@acme.test / INBOX</td>');
    expect(html).toContain('<td>outbox (another domain)</td>');
    expect(html).toContain('<span class="no">✘ not saved</span> “Request &lt;quote&gt;” in sales@acme.test / INBOX: The message is in the spam folder.');
    expect(html).toContain('<span class="yes">✔ saved by hand</span> “Request &lt;quote&gt;” by Anna Nowak (“Save to CRM”), bound to lead 1');
    expect(html).toContain('<strong>lead 1</strong> “Request &lt;quote&gt;”, responsible Anna Nowak');
    expect(html).toContain('<li><time datetime="2026-03-02T10:20:00.000Z">10:20:00</time> New e-mail &quot;Request &lt;quote&gt;&quot; (entry by Anna Nowak)</li>');
  });

  it('marks flaky scenarios, from the history and from a pass on a retry', () => {
    expect(html).toContain('<span class="flaky">⚠ flaky: its result changed 1 time(s) in the last 2 runs</span>');
    expect(html).toContain('<span class="flaky">⚠ flaky: it passed only on a retry</span>');
  });

  it('files untagged scenarios under other behaviour, and is self-contained', () => {
    expect(html).toContain('Other behaviour (the mail server, the CRM beyond the FAQ)');
    expect(html).not.toMatch(/<script|<link|src="http|url\(/);
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
