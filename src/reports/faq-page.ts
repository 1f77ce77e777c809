import { createHash } from 'node:crypto';
import type { ReadableMessage } from './email/readable-message.ts';
import { FAQ_PAGE_CSS } from './faq-page/faq-page-style.ts';
import { escapeHtml } from './faq-page/html.ts';
import { CAUSE_WORDS, QUESTION_VERDICT_SHORT, QUESTION_VERDICT_WORDS, ROLE_WORDS, VERDICT_BADGE, VERDICT_WORDS, both, bothHtml } from './faq-page/i18n.ts';
import { FAQ_PAGE_SCRIPT } from './faq-page/page-script.ts';
import { storyHtml, storyOf } from './faq-page/story-html.ts';
import { FAQ_ANSWERS_PL, FAQ_QUESTIONS, questionOfTags, type FaqQuestion } from './faq-questions.ts';
import { failingSince, strip, type StripCell } from './history/history-view.ts';
import type { FlakyScenario, History } from './history/run-history.ts';
import { countVerdicts, countWords, questionVerdict, type QuestionVerdict } from './run/question-verdict.ts';
import { failureSentence } from './run/failure-sentence.ts';
import { selectionWords, type RunDetails } from './run/run-details.ts';
import type { ScenarioResult } from './run/run-model.ts';
import type { Verdict } from './run/verdict.ts';

interface QuestionSection {
  question: FaqQuestion;
  scenarios: ScenarioResult[];
  verdict: QuestionVerdict;
}

export interface FaqPageContext {
  /** Scenarios the run history calls flaky, shown with a mark and the reason. */
  readonly flaky?: readonly FlakyScenario[];
  /** The recorded runs, for the strips of the last runs and "failing since". */
  readonly history?: History;
  readonly details?: RunDetails;
  /** The run judged fewer scenarios than the suite holds (results then include the ones not run). */
  readonly partial?: boolean;
  /** What is wrong with the set of runs read together (a shard missing or given twice). */
  readonly problems?: readonly string[];
  /** Rule texts by id (docs/faq-rules.md), carried on the page so rule ids link to them. */
  readonly rules?: ReadonlyMap<string, string>;
  /** Each e-mail of each story made readable, by its anchor (story-html.ts emailAnchor). */
  readonly emails?: ReadonlyMap<string, ReadableMessage>;
  /** Time of the run: the slowest shard's wall time, and every shard's time added up. */
  readonly wallMs?: number;
  readonly machineMs?: number;
  /** The project's root, so paths in errors show relative to it. */
  readonly root?: string;
}

/** A scenario's anchor on the page: from its stable id, so a link to it keeps working across runs. */
export const scenarioAnchor = (id: string): string => `s-${createHash('sha1').update(id).digest('hex').slice(0, 10)}`;

const ROLE_ORDER = ['@problem', '@cause', '@fix'];
const roleRank = (tags: readonly string[]) => {
  const i = ROLE_ORDER.findIndex((t) => tags.includes(t));
  return i === -1 ? ROLE_ORDER.length : i;
};
/** A question's scenarios as a reader follows them: the problem, the cause, the fix, then the rest (each in file order). */
export const inReadingOrder = (scenarios: readonly ScenarioResult[]): ScenarioResult[] =>
  scenarios.map((s, i) => ({ s, i })).sort((a, b) => roleRank(a.s.tags) - roleRank(b.s.tags) || a.i - b.i).map(({ s }) => s);

/** Groups results under the FAQ question named by their @Q tag; untagged ones under "Other". */
export function sectionsByQuestion(results: readonly ScenarioResult[]): { sections: QuestionSection[]; other: ScenarioResult[] } {
  const sections = FAQ_QUESTIONS.map((question): QuestionSection => {
    const scenarios = inReadingOrder(results.filter((r) => questionOfTags(r.tags)?.id === question.id));
    return { question, scenarios, verdict: questionVerdict(scenarios) };
  });
  const other = results.filter((r) => !questionOfTags(r.tags));
  return { sections, other };
}

const VERDICT_CELL_WORDS: Readonly<Record<Verdict, [string, string]>> = {
  agrees: ['passed', 'przeszedł'], disagrees: ['disagreed', 'niezgodny'], 'could-not-run': ['could not run', 'nie uruchomił się'], 'not-run': ['not run', 'nieuruchomiony'],
};

function stripHtml(cells: readonly StripCell[]): string {
  if (cells.length < 1) return '';
  const cell = (c: StripCell) => {
    const [en] = VERDICT_CELL_WORDS[c.verdict];
    return `<span class="cell ${c.verdict}" title="${escapeHtml(`${c.startedAt.slice(0, 16).replace('T', ' ')} · ${c.commit?.slice(0, 8) ?? '?'} · ${en}`)}"></span>`;
  };
  return `<span class="strip" role="img" aria-label="${escapeHtml(`last ${cells.length} runs: ${cells.map((c) => VERDICT_CELL_WORDS[c.verdict][0]).join(', ')}`)}">${cells.map(cell).join('')}</span>`;
}

function sinceHtml(since: StripCell | undefined): string {
  if (!since) return '';
  const when = escapeHtml(since.startedAt.slice(0, 16).replace('T', ' '));
  const commit = since.commit ? ` <code>${escapeHtml(since.commit.slice(0, 8))}</code>` : '';
  return ` <span class="since">${bothHtml(`failing since ${when}${commit}`, `nie przechodzi od ${when}${commit}`)}</span>`;
}

function flakyNote(result: ScenarioResult, flaky: ReadonlyMap<string, FlakyScenario>): string {
  const entry = flaky.get(result.id);
  const en = [
    entry?.flips ? `its result changed ${entry.flips} time(s) in the last ${entry.recent.length} runs` : '',
    entry?.passedOnRetry || result.passedOnRetry ? 'it passed only on a retry' : '',
  ].filter(Boolean);
  const pl = [
    entry?.flips ? `wynik zmienił się ${entry.flips} raz(y) w ostatnich ${entry.recent.length} przebiegach` : '',
    entry?.passedOnRetry || result.passedOnRetry ? 'przeszedł dopiero przy ponowieniu' : '',
  ].filter(Boolean);
  return en.length ? ` <span class="flaky">${both([`⚠ flaky: ${en.join('; ')}`, `⚠ niestabilny: ${pl.join('; ')}`])}</span>` : '';
}

const isFlaky = (result: ScenarioResult, flaky: ReadonlyMap<string, FlakyScenario>) => flaky.has(result.id) || result.passedOnRetry;

function roleLabel(tags: readonly string[]): string {
  const roles = ROLE_WORDS.filter(([tag]) => tags.includes(tag)).map(([, words]) => words);
  return roles.length ? `<span class="role">${both([roles.map((r) => r[0]).join(', '), roles.map((r) => r[1]).join(', ')])}</span> ` : '';
}

function ruleLinks(tags: readonly string[], rules: ReadonlyMap<string, string>): string {
  const ids = tags.filter((t) => /^@R\d+\.\d+$/.test(t)).map((t) => t.slice(1));
  if (ids.length === 0) return '';
  return ` <span class="rules">${ids.map((id) => (rules.has(id) ? `<a class="rule" href="#rule-${id}" title="${escapeHtml(rules.get(id)!)}">${id}</a>` : escapeHtml(id))).join(' ')}</span>`;
}

interface Shared {
  flaky: ReadonlyMap<string, FlakyScenario>;
  history?: History;
  rules: ReadonlyMap<string, string>;
  emails: ReadonlyMap<string, ReadableMessage>;
  root?: string;
}

function scenarioItem(result: ScenarioResult, shared: Shared): string {
  const anchor = scenarioAnchor(result.id);
  const story = storyOf(result.attachments);
  const sentence = failureSentence(result, story, shared.root);
  const failure = sentence
    ? `<div class="failure"><p class="sentence">${both([sentence.en, sentence.pl])}</p>`
      + (result.failure ? `<p class="where">${bothHtml('At', 'W kroku')} <em>${escapeHtml(`${result.failure.keyword} ${result.failure.step}`)}</em> (${escapeHtml(`${result.uri}:${result.failure.line || result.line}`)})</p>` : '')
      + (sentence.developer ? `<details class="developers"><summary>${bothHtml('For developers: the error and its stack', 'Dla programistów: błąd i stos wywołań')}</summary><pre>${escapeHtml(sentence.developer)}</pre></details>` : '')
      + '</div>'
    : '';
  const history = shared.history ? strip(shared.history, [result.id]) : [];
  const since = shared.history && result.verdict !== 'agrees' && result.verdict !== 'not-run' ? failingSince(shared.history, [result.id]) : undefined;
  const cause = result.cause ? ` (${both(CAUSE_WORDS[result.cause])})` : '';
  return `<li class="scenario ${result.verdict}" id="${anchor}" data-verdict="${result.verdict}"${isFlaky(result, shared.flaky) ? ' data-flaky=""' : ''}>`
    + `<span class="badge">${both(VERDICT_BADGE[result.verdict])}</span> `
    + `${roleLabel(result.tags)}<span class="name">${escapeHtml(result.name)}</span>`
    + ` <a class="permalink" href="#${anchor}" aria-label="link to this scenario">#</a>`
    + ruleLinks(result.tags, shared.rules)
    + flakyNote(result, shared.flaky)
    + `<div class="meaning">${both(VERDICT_WORDS[result.verdict])}${cause}`
    + (result.verdict === 'not-run' ? '' : ` · <span class="duration">${(result.durationMs / 1000).toFixed(1)} s</span>`)
    + ` · ${escapeHtml(`${result.uri}:${result.line}`)} ${stripHtml(history)}${sinceHtml(since)}</div>`
    + `${failure}${storyHtml(story, result.steps, anchor, shared.emails)}</li>`;
}

function section({ question, scenarios, verdict }: QuestionSection, shared: Shared): string {
  const list = scenarios.length ? `<ul class="scenarios">${scenarios.map((s) => scenarioItem(s, shared)).join('')}</ul>` : '';
  const counts = countWords(countVerdicts(scenarios));
  const ids = scenarios.map((s) => s.id);
  const history = shared.history ? strip(shared.history, ids) : [];
  const since = shared.history && (verdict === 'disagrees' || verdict === 'could-not-run') ? failingSince(shared.history, ids) : undefined;
  const answerPl = FAQ_ANSWERS_PL[question.id];
  return `<section class="question ${verdict}" id="${question.id}" aria-labelledby="${question.id}-title">`
    + `<h2 id="${question.id}-title"><span class="qid">${question.id}</span> <span lang="pl">${escapeHtml(question.polish)}</span></h2>`
    + `<p class="english"><span lang="en">${escapeHtml(question.english)}</span></p>`
    + (question.answer ? `<p class="answer">${bothHtml(`<strong>The FAQ's answer:</strong> ${escapeHtml(question.answer)}`, `<strong>Odpowiedź FAQ:</strong> ${escapeHtml(answerPl ?? question.answer)}`)}</p>` : '')
    + `<p class="verdict ${verdict}">${both(QUESTION_VERDICT_WORDS[verdict])}${scenarios.length ? ` (${bothHtml(escapeHtml(counts.en), escapeHtml(counts.pl))})` : ''}`
    + ` ${stripHtml(history)}${sinceHtml(since)}</p>`
    + `${list}</section>`;
}

function contents(sections: readonly QuestionSection[]): string {
  const rows = sections.map((s) => {
    const c = countWords(countVerdicts(s.scenarios));
    return `<tr class="${s.verdict}"><td><a href="#${s.question.id}">${s.question.id}</a></td><td><span lang="pl">${escapeHtml(s.question.polish)}</span><br><span class="english" lang="en">${escapeHtml(s.question.english)}</span></td>`
      + `<td>${both(QUESTION_VERDICT_SHORT[s.verdict])}</td><td>${s.scenarios.length ? bothHtml(escapeHtml(c.en), escapeHtml(c.pl)) : '–'}</td></tr>`;
  }).join('');
  return `<nav aria-label="Questions"><table><caption>${bothHtml('The questions at a glance', 'Pytania w skrócie')}</caption><thead><tr><th scope="col">${bothHtml('question', 'pytanie')}</th>`
    + `<th scope="col">${bothHtml('the FAQ', 'FAQ')}</th><th scope="col">${bothHtml('answer', 'odpowiedź')}</th><th scope="col">${bothHtml('scenarios', 'scenariusze')}</th></tr></thead><tbody>${rows}</tbody></table></nav>`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function runDetailsHtml(details: RunDetails | undefined, generatedAt: Date, context: FaqPageContext): string {
  const row = (en: string, pl: string, value: string) => `<tr><th scope="row">${bothHtml(en, pl)}</th><td>${value}</td></tr>`;
  const rows = [
    row('date', 'data', escapeHtml((details?.startedAt ?? generatedAt.toISOString()).replace('T', ' ').slice(0, 19)) + ' UTC'),
    details?.commit ? row('commit', 'commit', `<code>${escapeHtml(details.commit)}</code>`) : '',
    details?.branch ? row('branch', 'gałąź', escapeHtml(details.branch)) : '',
    row('Node', 'Node', escapeHtml(details?.node ?? process.version)),
    row('selection', 'wybór', escapeHtml(selectionWords(details))),
    context.wallMs !== undefined ? row('time', 'czas', escapeHtml(seconds(context.wallMs)) + (context.machineMs !== undefined && context.machineMs !== context.wallMs ? ` ${bothHtml(`(machine time, every shard added up: ${seconds(context.machineMs)})`, `(czas maszyn, wszystkie części razem: ${seconds(context.machineMs)})`)}` : '')) : '',
    details?.ciBuildUrl ? row('CI build', 'build CI', `<a href="${escapeHtml(details.ciBuildUrl)}">${escapeHtml(details.ciBuildUrl)}</a>`) : '',
  ].join('');
  return `<details class="run-details"><summary>${bothHtml('Run details', 'Szczegóły przebiegu')}</summary><table><tbody>${rows}</tbody></table></details>`;
}

function bannerHtml(results: readonly ScenarioResult[], context: FaqPageContext): string {
  const problems = context.problems ?? [];
  if (!context.partial && problems.length === 0) return '';
  const ran = results.filter((r) => r.verdict !== 'not-run').length;
  const selection = escapeHtml(selectionWords(context.details));
  return `<div class="banner partial" role="alert"><strong>${bothHtml('Partial run', 'Przebieg częściowy')}</strong>: `
    + bothHtml(`${ran} of ${results.length} scenarios ran (selection: ${selection}). A question holds only when all its scenarios ran and pass; the others say what this run knows.`,
      `uruchomiono ${ran} z ${results.length} scenariuszy (wybór: ${selection}). Odpowiedź się potwierdza tylko wtedy, gdy wszystkie jej scenariusze uruchomiono i przechodzą; pozostałe mówią, co wiadomo z tego przebiegu.`)
    + (problems.length ? `<ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : '')
    + '</div>';
}

function toolbar(results: readonly ScenarioResult[], flaky: ReadonlyMap<string, FlakyScenario>): string {
  const n = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const filters: Array<[string, [string, string], number]> = [
    ['all', ['all', 'wszystkie'], results.length],
    ['disagrees', ['disagrees', 'niezgodne'], n('disagrees')],
    ['could-not-run', ['could not run', 'nie uruchomiły się'], n('could-not-run')],
    ['flaky', ['flaky', 'niestabilne'], results.filter((r) => isFlaky(r, flaky)).length],
    ['not-run', ['not run', 'nieuruchomione'], n('not-run')],
  ];
  return '<div class="toolbar" role="toolbar">'
    + `<span class="group" aria-label="language"><button type="button" data-lang="en" aria-pressed="true">English</button><button type="button" data-lang="pl" aria-pressed="false" lang="pl">Polski</button></span>`
    + `<span class="group">${bothHtml('Show', 'Pokaż')}: ${filters.map(([key, words, count]) => `<button type="button" data-filter="${key}" aria-pressed="${key === 'all'}">${both(words)} (${count})</button>`).join('')}</span>`
    + `<span class="group"><button type="button" data-expand="all">${bothHtml('Expand all', 'Rozwiń wszystkie')}</button><button type="button" data-expand="none">${bothHtml('Collapse all', 'Zwiń wszystkie')}</button></span>`
    + '</div>';
}

function rulesSection(results: readonly ScenarioResult[], rules: ReadonlyMap<string, string>): string {
  const used = [...new Set(results.flatMap((r) => r.tags.filter((t) => /^@R\d+\.\d+$/.test(t)).map((t) => t.slice(1))))].filter((id) => rules.has(id));
  if (used.length === 0) return '';
  const key = (id: string) => id.slice(1).split('.').map(Number);
  used.sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]!);
  return `<section class="rules-list" aria-labelledby="rules-title"><h2 id="rules-title">${bothHtml('The rules the scenarios check', 'Reguły sprawdzane przez scenariusze')}</h2>`
    + `<p>${bothHtml('From the project\'s rule catalogue, docs/faq-rules.md.', 'Z katalogu reguł projektu, docs/faq-rules.md.')}</p>`
    + `<dl>${used.map((id) => `<dt id="rule-${id}">${id}</dt><dd lang="en">${escapeHtml(rules.get(id)!)}</dd>`).join('')}</dl></section>`;
}

/** The page for product owners: the FAQ question by question, and whether the product does what each answer says. */
export function renderFaqPage(results: readonly ScenarioResult[], generatedAt: Date, context: FaqPageContext = {}): string {
  const flaky = new Map((context.flaky ?? []).map((f) => [f.id, f]));
  const shared: Shared = { flaky, rules: context.rules ?? new Map(), emails: context.emails ?? new Map(), ...(context.history && { history: context.history }), ...(context.root && { root: context.root }) };
  const { sections, other } = sectionsByQuestion(results);
  const c = countVerdicts(results);
  const covered = sections.filter((s) => s.verdict !== 'no-scenarios').length;
  const holding = sections.filter((s) => s.verdict === 'holds').length;
  const otherSection = other.length
    ? `<section class="other" aria-labelledby="other-title"><h2 id="other-title">${bothHtml('Other behaviour (the mail server, the CRM beyond the FAQ)', 'Inne zachowania (serwer poczty, CRM poza FAQ)')}</h2><ul class="scenarios">${other.map((s) => scenarioItem(s, shared)).join('')}</ul></section>`
    : '';
  const totalsEn = `${c.agrees} of ${c.total} scenarios pass; ${c.disagrees} disagree with the FAQ; ${c.couldNotRun} could not run; ${c.notRun} not run. ${covered} of ${FAQ_QUESTIONS.length} questions have scenarios; the answer holds for ${holding}.`;
  const totalsPl = `${c.agrees} z ${c.total} scenariuszy przechodzi; ${c.disagrees} niezgodnych z FAQ; ${c.couldNotRun} nie dało się uruchomić; ${c.notRun} nieuruchomionych. ${covered} z ${FAQ_QUESTIONS.length} pytań ma scenariusze; odpowiedź potwierdza się dla ${holding}.`;
  return `<!doctype html>
<html lang="en" data-filter="all"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>E-mail in the CRM: FAQ status</title>
<style>${FAQ_PAGE_CSS}</style></head><body>
<header><h1>${bothHtml('E-mail in the CRM: does the product do what the FAQ says?', 'E-maile w CRM: czy produkt działa tak, jak mówi FAQ?')}</h1>
<p class="source">${bothHtml('Checked against the article', 'Sprawdzane względem artykułu')} <cite lang="pl">E-maile w CRM: najczęstsze pytania</cite> (${bothHtml('Bitrix24 help desk', 'pomoc Bitrix24')}).</p>
${bannerHtml(results, context)}
<p id="totals">${bothHtml(escapeHtml(totalsEn), escapeHtml(totalsPl))}
${bothHtml('Every step in detail', 'Każdy krok')}: <a href="cucumber.html">cucumber.html</a>; ${bothHtml('the run in short', 'przebieg w skrócie')}: <a href="summary.md">summary.md</a>.</p>
${runDetailsHtml(context.details, generatedAt, context)}
${toolbar(results, flaky)}
</header>
<main>
${contents(sections)}
${sections.map((s) => section(s, shared)).join('\n')}
${otherSection}
${rulesSection(results, shared.rules)}
</main>
<script>${FAQ_PAGE_SCRIPT}</script>
</body></html>
`;
}
