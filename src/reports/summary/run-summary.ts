import { FAQ_QUESTIONS, questionOfTags } from '../faq-questions.ts';
import type { FlakyScenario } from '../history/run-history.ts';
import type { RunModel, ScenarioResult, ScenarioStatus } from '../run/run-model.ts';
import { closestSteps } from '../steps/closest-steps.ts';
import { storyOf } from '../faq-page/story-html.ts';
import { failureSentence } from '../run/failure-sentence.ts';
import { countVerdicts, countWords, questionVerdict, type QuestionVerdict } from '../run/question-verdict.ts';
import { selectionWords, type RunDetails } from '../run/run-details.ts';
import type { Verdict } from '../run/verdict.ts';

/**
 * reports/summary.md: the run in a page fit for a CI job summary. Totals, one line per FAQ
 * question, failures with their first error line and where, undefined steps with the closest
 * existing steps, flaky scenarios from the history, and where the time went.
 */
export interface SummaryContext {
  readonly flaky: readonly FlakyScenario[];
  /** How many runs the flaky verdicts look back on. */
  readonly historyRuns: number;
  /** Every scenario of the suite, with the ones this run did not run; the run's own when absent. */
  readonly results?: readonly ScenarioResult[];
  readonly partial?: boolean;
  readonly problems?: readonly string[];
  readonly details?: RunDetails;
  /** The run's time (for shards, the slowest one's) and the machine time (every shard added up). */
  readonly wallMs?: number;
  readonly machineMs?: number;
}

const VERDICT_MARK: Readonly<Record<QuestionVerdict, string>> = {
  holds: '✅ holds', disagrees: '❌ the product disagrees', 'could-not-run': '⚠️ could not run', incomplete: '➖ partly checked', 'not-run': '➖ not run', 'no-scenarios': '➖ no scenarios',
};
const SCENARIO_MARK: Readonly<Record<Verdict, string>> = {
  agrees: '✅ passes', disagrees: '❌ the product disagrees with the FAQ', 'could-not-run': '⚠️ could not run', 'not-run': '➖ not run',
};

/** "1 scenario", "2 scenarios". */
export const scenarios = (n: number) => `${n} scenario${n === 1 ? '' : 's'}`;


const ORDER: readonly ScenarioStatus[] = ['passed', 'failed', 'undefined', 'pending', 'ambiguous', 'skipped', 'unknown'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function counts(scenarios: readonly ScenarioResult[]): string {
  const parts = ORDER.map((status) => [status, scenarios.filter((s) => s.status === status).length] as const).filter(([, n]) => n > 0);
  return parts.map(([status, n]) => `${n} ${status}`).join(', ') || 'none';
}

/** The first line of an error that says something (not a blank or a bare "Error:"). */
export function firstLine(message: string): string {
  return message.split('\n').map((l) => l.trim()).find((l) => l !== '' && l !== 'Error:') ?? '(no message)';
}

export function renderRunSummary(model: RunModel, context: SummaryContext): string {
  const all = context.results ?? model.scenarios;
  const ran = model.scenarios;
  const c = countVerdicts(all);
  const flakyNow = new Set(context.flaky.map((f) => f.id));
  const flakyLines = context.flaky.map((f) => {
    const why = [
      f.flips ? `result changed ${f.flips} time(s): ${f.recent.map((status) => (status === 'passed' ? '✅' : '❌')).join('')}` : '',
      f.passedOnRetry ? `passed only on a retry in ${f.passedOnRetry} run(s)` : '',
    ].filter(Boolean).join('; ');
    return `- ${code(f.id)}: ${why}`;
  });
  // A pass on a retry in this run counts even when the history does not hold this run.
  for (const s of ran) if (s.passedOnRetry && !flakyNow.has(s.id)) flakyLines.push(`- ${code(s.id)}: passed only on a retry in this run`);
  const out: string[] = [];
  const shard = context.details?.shard;
  const headline = c.disagrees ? `❌ the product disagrees with the FAQ in ${scenarios(c.disagrees)}`
    : c.couldNotRun ? `⚠️ ${scenarios(c.couldNotRun)} could not run`
      : context.partial ? `✅ every scenario that ran passed (${c.agrees} of ${c.total})` : '✅ every scenario passed';
  out.push(`# CRM e-mail FAQ${shard ? ` (shard ${shard.index} of ${shard.total})` : ''}: ${headline}`, '');
  if (context.partial || context.problems?.length) {
    out.push(`> **Partial run**: ${c.total - c.notRun} of ${scenarios(c.total)} ran (selection: ${selectionWords(context.details)}). A question holds only when every scenario of it ran and passed.`);
    for (const problem of context.problems ?? []) out.push(`> - ${problem}`);
    out.push('');
  }
  const wall = context.wallMs ?? model.durationMs;
  const machine = context.machineMs ?? model.durationMs;
  const commit = context.details?.commit;
  out.push(`${scenarios(c.total)}: ${c.agrees} passed, ${c.disagrees} disagree with the FAQ, ${c.couldNotRun} could not run, ${c.notRun} not run (by Cucumber status: ${counts(ran)}). `
    + `Run time ${seconds(wall)}${machine !== wall ? ` (machine time ${seconds(machine)}, every shard added up)` : ''}${model.startedAt ? `, started ${model.startedAt.toISOString()}` : ''}${commit ? `, commit \`${commit.slice(0, 12)}\`` : ''}.`);
  if (flakyLines.length) out.push('', `⚠️ ${flakyLines.length} flaky scenario(s): see "Flaky scenarios" below.`);

  out.push('', '## By FAQ question', '', '| question | result | scenarios | time |', '|---|---|---|---|');
  for (const question of FAQ_QUESTIONS) {
    const own = all.filter((s) => questionOfTags(s.tags)?.id === question.id);
    out.push(`| **${question.id}** ${cell(question.english)} | ${VERDICT_MARK[questionVerdict(own)]} | ${own.length ? countWords(countVerdicts(own)).en : '–'} | ${own.length ? seconds(own.reduce((n, s) => n + s.durationMs, 0)) : '–'} |`);
  }
  const other = all.filter((s) => !questionOfTags(s.tags));
  if (other.length) out.push(`| Other behaviour (mail server, CRM) | ${VERDICT_MARK[questionVerdict(other)]} | ${countWords(countVerdicts(other)).en} | ${seconds(other.reduce((n, s) => n + s.durationMs, 0))} |`);

  // Undefined ones have their own section below; every other scenario that did not pass is listed here.
  const failed = ran.filter((s) => (s.verdict === 'disagrees' || s.verdict === 'could-not-run') && s.status !== 'undefined');
  if (failed.length) {
    out.push('', '## Scenarios that did not pass', '');
    for (const s of failed) {
      const where = s.failure ? `${s.uri}:${s.failure.line || s.line}` : `${s.uri}:${s.line}`;
      const sentence = failureSentence(s, storyOf(s.attachments));
      out.push(`- **${s.name}** (${code(`${s.uri}:${s.line}`)}): ${SCENARIO_MARK[s.verdict]}`
        + (s.failure ? ` at ${code(s.failure.step)} (${code(where)}): ${cell(sentence?.en ?? firstLine(s.failure.message))}` : ''));
    }
  }

  const undefinedSteps = ran.flatMap((s) => s.undefinedSteps.map((step) => ({ ...step, uri: s.uri })));
  if (undefinedSteps.length) {
    out.push('', '## Undefined steps', '', 'These steps match no step definition. The closest existing steps:', '');
    const seen = new Set<string>();
    for (const step of undefinedSteps) {
      const key = `${step.uri}:${step.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const suggestions = closestSteps(step.text, model.stepExpressions);
      out.push(`- ${code(`${step.keyword} ${step.text}`)} (${code(key)})`);
      for (const s of suggestions) out.push(`  - ${code(s.expression)}`);
    }
  }

  if (flakyLines.length) out.push('', `## Flaky scenarios (last ${context.historyRuns} runs)`, '', ...flakyLines);

  const slowest = [...ran].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
  if (slowest.length) {
    out.push('', '## Slowest scenarios', '', '| scenario | time |', '|---|---|');
    for (const s of slowest) out.push(`| ${cell(s.name)} (${code(`${s.uri}:${s.line}`)}) | ${seconds(s.durationMs)} |`);
  }
  out.push('', 'Reports: `faq.html` (the FAQ question by question), `cucumber.html` (every step), `junit.xml`, `messages.ndjson`, `history.json`; the files of scenarios that did not pass under `scenarios/`.');
  return `${out.join('\n')}\n`;
}
