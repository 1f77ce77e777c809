import { FAQ_QUESTIONS, type FaqQuestion } from './faq-questions.ts';
import type { FlakyScenario } from './history/run-history.ts';
import type { ScenarioResult, ScenarioStatus } from './run-results.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STATUS_WORDS: Readonly<Record<ScenarioStatus, string>> = {
  passed: 'works as the FAQ says',
  failed: 'does NOT work as the FAQ says',
  undefined: 'not runnable: a step is not defined',
  pending: 'not runnable: a step is pending',
  skipped: 'skipped',
  ambiguous: 'not runnable: a step matches twice',
  unknown: 'did not finish',
};

type Verdict = 'passing' | 'failing' | 'not-specified';

interface QuestionSection {
  question: FaqQuestion;
  scenarios: ScenarioResult[];
  verdict: Verdict;
}

/** Groups results under the FAQ question named by their @Q tag; untagged ones under "Other". */
export function sectionsByQuestion(results: readonly ScenarioResult[]): { sections: QuestionSection[]; other: ScenarioResult[] } {
  const sections = FAQ_QUESTIONS.map((question): QuestionSection => {
    const scenarios = results.filter((r) => r.tags.includes(`@${question.id}`));
    const verdict: Verdict = scenarios.length === 0 ? 'not-specified' : scenarios.every((s) => s.status === 'passed') ? 'passing' : 'failing';
    return { question, scenarios, verdict };
  });
  const known = new Set(FAQ_QUESTIONS.map((q) => `@${q.id}`));
  const other = results.filter((r) => !r.tags.some((t) => known.has(t)));
  return { sections, other };
}

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  passing: 'Every scenario passes',
  failing: 'Some scenarios fail',
  'not-specified': 'No scenarios yet',
};

function scenarioItem(result: ScenarioResult): string {
  const rules = result.tags.filter((t) => /^@R\d/.test(t)).map((t) => t.slice(1));
  const failure = result.failure
    ? `<div class="failure"><div>Failed at: <em>${escapeHtml(result.failure.step)}</em></div><pre>${escapeHtml(result.failure.message.split('\n').slice(0, 6).join('\n'))}</pre></div>`
    : '';
  return `<li class="scenario ${result.status}"><span class="badge">${escapeHtml(result.status)}</span> `
    + `<span class="name">${escapeHtml(result.name)}</span>`
    + (rules.length ? ` <span class="rules">${rules.map(escapeHtml).join(' ')}</span>` : '')
    + `<div class="meaning">${escapeHtml(STATUS_WORDS[result.status])}</div>${failure}</li>`;
}

function section({ question, scenarios, verdict }: QuestionSection): string {
  const list = scenarios.length ? `<ul>${scenarios.map(scenarioItem).join('')}</ul>` : '';
  return `<section class="${verdict}" id="${question.id}"><h2><span class="qid">${question.id}</span> ${escapeHtml(question.polish)}</h2>`
    + `<p class="english">${escapeHtml(question.english)}</p><p class="verdict">${VERDICT_WORDS[verdict]}`
    + (scenarios.length ? ` (${scenarios.filter((s) => s.status === 'passed').length} of ${scenarios.length})` : '')
    + `</p>${list}</section>`;
}

/** The page for product owners: the FAQ question by question, and whether the product does what each answer says. */
export function renderFaqPage(results: readonly ScenarioResult[], generatedAt: Date, _context: { flaky?: readonly FlakyScenario[] } = {}): string {
  const { sections, other } = sectionsByQuestion(results);
  const passed = results.filter((r) => r.status === 'passed').length;
  const covered = sections.filter((s) => s.verdict !== 'not-specified').length;
  const otherSection = other.length
    ? `<section class="other"><h2>Other behaviour</h2><ul>${other.map(scenarioItem).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>E-mail in the CRM: FAQ status</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin:0}.qid{color:#59606b;margin-right:.4rem}
section{border:1px solid #d6dae0;border-left:6px solid #aab1bb;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
section.passing{border-left-color:#2e8540}section.failing{border-left-color:#c62828}
.english{color:#59606b;margin:.2rem 0}.verdict{font-weight:600;margin:.3rem 0}
ul{list-style:none;padding:0;margin:.4rem 0 0}li.scenario{padding:.35rem 0;border-top:1px solid #eef0f3}
.badge{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;font-size:.8rem;padding:0 .3rem;color:#fff;background:#6b7280}
.passed .badge{background:#2e8540}.failed .badge{background:#c62828}.undefined .badge,.pending .badge,.ambiguous .badge{background:#b26a00}
.rules{font-size:.8rem;color:#3451a1}.meaning{font-size:.85rem;color:#59606b;margin-left:5.2rem}
.failure{margin-left:5.2rem}.failure pre{white-space:pre-wrap;background:#fdf1f1;padding:.4rem;border-radius:4px;font-size:.8rem}
</style></head><body>
<h1>E-mail in the CRM: does the product do what the FAQ says?</h1>
<p>${passed} of ${results.length} scenarios pass. ${covered} of ${FAQ_QUESTIONS.length} questions have scenarios.
Generated ${escapeHtml(generatedAt.toISOString())}. Details of every step: <a href="cucumber.html">cucumber.html</a>.</p>
${sections.map(section).join('\n')}
${otherSection}
</body></html>
`;
}
