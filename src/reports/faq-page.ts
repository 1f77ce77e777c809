import { FAQ_PAGE_CSS } from './faq-page/faq-page-style.ts';
import { STATUS_LABEL, STATUS_MEANING, escapeHtml } from './faq-page/html.ts';
import { storyHtml, storyOf } from './faq-page/story-html.ts';
import { FAQ_QUESTIONS, questionOfTags, type FaqQuestion } from './faq-questions.ts';
import type { FlakyScenario } from './history/run-history.ts';
import type { ScenarioResult } from './run/run-model.ts';

type Verdict = 'passing' | 'failing' | 'not-specified';

interface QuestionSection {
  question: FaqQuestion;
  scenarios: ScenarioResult[];
  verdict: Verdict;
}

export interface FaqPageContext {
  /** Scenarios the run history calls flaky, shown with a mark and the reason. */
  readonly flaky?: readonly FlakyScenario[];
}

/** Groups results under the FAQ question named by their @Q tag; untagged ones under "Other". */
export function sectionsByQuestion(results: readonly ScenarioResult[]): { sections: QuestionSection[]; other: ScenarioResult[] } {
  const sections = FAQ_QUESTIONS.map((question): QuestionSection => {
    const scenarios = results.filter((r) => questionOfTags(r.tags)?.id === question.id);
    const verdict: Verdict = scenarios.length === 0 ? 'not-specified' : scenarios.every((s) => s.status === 'passed') ? 'passing' : 'failing';
    return { question, scenarios, verdict };
  });
  const other = results.filter((r) => !questionOfTags(r.tags));
  return { sections, other };
}

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  passing: '✔ The answer holds: every scenario passes',
  failing: '✘ The answer does not hold: some scenarios fail',
  'not-specified': '– No scenarios yet',
};

const SHORT_VERDICT: Readonly<Record<Verdict, string>> = { passing: '✔ holds', failing: '✘ does not hold', 'not-specified': '– no scenarios' };

function flakyNote(result: ScenarioResult, flaky: ReadonlyMap<string, FlakyScenario>): string {
  const entry = flaky.get(result.id);
  const reasons = [
    entry?.flips ? `its result changed ${entry.flips} time(s) in the last ${entry.recent.length} runs` : '',
    entry?.passedOnRetry || result.passedOnRetry ? 'it passed only on a retry' : '',
  ].filter(Boolean);
  return reasons.length ? ` <span class="flaky">⚠ flaky: ${escapeHtml(reasons.join('; '))}</span>` : '';
}

/** What a scenario shows of its question, by its tag, in the FAQ's own terms. */
const ROLE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['@problem', 'the problem'],
  ['@cause', 'the cause'],
  ['@fix', 'the fix'],
  ['@error', 'a refusal'],
];

function roleLabel(tags: readonly string[]): string {
  const roles = ROLE_WORDS.filter(([tag]) => tags.includes(tag)).map(([, words]) => words);
  return roles.length ? `<span class="role">${escapeHtml(roles.join(', '))}</span> ` : '';
}

function scenarioItem(result: ScenarioResult, flaky: ReadonlyMap<string, FlakyScenario>): string {
  const rules = result.tags.filter((t) => /^@R\d/.test(t)).map((t) => t.slice(1));
  const failure = result.failure
    ? `<div class="failure"><div>Failed at: <em>${escapeHtml(result.failure.step)}</em> (${escapeHtml(`${result.uri}:${result.failure.line}`)})</div>`
      + `<pre>${escapeHtml(result.failure.message.split('\n').slice(0, 6).join('\n'))}</pre></div>`
    : '';
  return `<li class="scenario ${result.status}"><span class="badge">${STATUS_LABEL[result.status]}</span> `
    + `${roleLabel(result.tags)}<span class="name">${escapeHtml(result.name)}</span>`
    + (rules.length ? ` <span class="rules">${rules.map(escapeHtml).join(' ')}</span>` : '')
    + flakyNote(result, flaky)
    + `<div class="meaning">${escapeHtml(STATUS_MEANING[result.status])} · <span class="duration">${(result.durationMs / 1000).toFixed(1)} s</span> · ${escapeHtml(`${result.uri}:${result.line}`)}</div>`
    + `${failure}${storyHtml(storyOf(result.attachments))}</li>`;
}

function section({ question, scenarios, verdict }: QuestionSection, flaky: ReadonlyMap<string, FlakyScenario>): string {
  const passed = scenarios.filter((s) => s.status === 'passed').length;
  const list = scenarios.length ? `<ul class="scenarios">${scenarios.map((s) => scenarioItem(s, flaky)).join('')}</ul>` : '';
  return `<section class="question ${verdict}" id="${question.id}" aria-labelledby="${question.id}-title">`
    + `<h2 id="${question.id}-title"><span class="qid">${question.id}</span> <span lang="pl">${escapeHtml(question.polish)}</span></h2>`
    + `<p class="english">${escapeHtml(question.english)}</p>`
    + (question.answer ? `<p class="answer"><strong>The FAQ's answer:</strong> ${escapeHtml(question.answer)}</p>` : '')
    + `<p class="verdict ${verdict}">${VERDICT_WORDS[verdict]}${scenarios.length ? ` (${passed} of ${scenarios.length} pass)` : ''}</p>`
    + `${list}</section>`;
}

function contents(sections: readonly QuestionSection[]): string {
  const rows = sections.map((s) => `<tr class="${s.verdict}"><td><a href="#${s.question.id}">${s.question.id}</a></td><td>${escapeHtml(s.question.english)}</td>`
    + `<td>${SHORT_VERDICT[s.verdict]}</td><td>${s.scenarios.length ? `${s.scenarios.filter((r) => r.status === 'passed').length} of ${s.scenarios.length}` : '–'}</td></tr>`).join('');
  return '<nav aria-label="Questions"><table><caption>The questions at a glance</caption><thead><tr><th scope="col">question</th><th scope="col">in English</th>'
    + `<th scope="col">answer</th><th scope="col">scenarios passing</th></tr></thead><tbody>${rows}</tbody></table></nav>`;
}

/** The page for product owners: the FAQ question by question, and whether the product does what each answer says. */
export function renderFaqPage(results: readonly ScenarioResult[], generatedAt: Date, context: FaqPageContext = {}): string {
  const flaky = new Map((context.flaky ?? []).map((f) => [f.id, f]));
  const { sections, other } = sectionsByQuestion(results);
  const passed = results.filter((r) => r.status === 'passed').length;
  const covered = sections.filter((s) => s.verdict !== 'not-specified').length;
  const holding = sections.filter((s) => s.verdict === 'passing').length;
  const otherSection = other.length
    ? `<section class="other" aria-labelledby="other-title"><h2 id="other-title">Other behaviour (the mail server, the CRM beyond the FAQ)</h2><ul class="scenarios">${other.map((s) => scenarioItem(s, flaky)).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>E-mail in the CRM: FAQ status</title>
<style>${FAQ_PAGE_CSS}</style></head><body>
<header><h1>E-mail in the CRM: does the product do what the FAQ says?</h1>
<p lang="pl">E-maile w CRM: najczęstsze pytania</p>
<p id="totals">${passed} of ${results.length} scenarios pass. ${covered} of ${FAQ_QUESTIONS.length} questions have scenarios; the answer holds for ${holding}.
Generated ${escapeHtml(generatedAt.toISOString())}. Every step in detail: <a href="cucumber.html">cucumber.html</a>; the run in short: <a href="summary.md">summary.md</a>.</p></header>
<main>
${contents(sections)}
${sections.map((s) => section(s, flaky)).join('\n')}
${otherSection}
</main>
</body></html>
`;
}
