import { FAQ_QUESTIONS, questionOfTags } from '../faq-questions.ts';
import type { FlakyScenario } from '../history/run-history.ts';
import type { RunModel, ScenarioResult, ScenarioStatus } from '../run/run-model.ts';
import { closestSteps } from '../steps/closest-steps.ts';

/**
 * reports/summary.md: the run in a page fit for a CI job summary. Totals, one line per FAQ
 * question, failures with their first error line and where, undefined steps with the closest
 * existing steps, flaky scenarios from the history, and where the time went.
 */
export interface SummaryContext {
  readonly flaky: readonly FlakyScenario[];
  /** How many runs the flaky verdicts look back on. */
  readonly historyRuns: number;
  readonly commit?: string;
}

const ORDER: readonly ScenarioStatus[] = ['passed', 'failed', 'undefined', 'pending', 'ambiguous', 'skipped', 'unknown'];
const MARK: Readonly<Record<ScenarioStatus, string>> = {
  passed: '✅ passed', failed: '❌ failed', undefined: '❓ undefined', pending: '⏸ pending', ambiguous: '⚠️ ambiguous', skipped: '⏭ skipped', unknown: '⚠️ unknown',
};

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
  const { scenarios } = model;
  const failing = scenarios.filter((s) => s.status !== 'passed' && s.status !== 'skipped');
  const flakyNow = new Set(context.flaky.map((f) => f.id));
  const flakyLines = context.flaky.map((f) => {
    const why = [
      f.flips ? `result changed ${f.flips} time(s): ${f.recent.map((status) => (status === 'passed' ? '✅' : '❌')).join('')}` : '',
      f.passedOnRetry ? `passed only on a retry in ${f.passedOnRetry} run(s)` : '',
    ].filter(Boolean).join('; ');
    return `- ${code(f.id)}: ${why}`;
  });
  // A pass on a retry in this run counts even when the history does not hold this run.
  for (const s of scenarios) if (s.passedOnRetry && !flakyNow.has(s.id)) flakyLines.push(`- ${code(s.id)}: passed only on a retry in this run`);
  const out: string[] = [];
  out.push(`# CRM e-mail FAQ: ${failing.length === 0 ? '✅ every scenario passed' : `❌ ${failing.length} of ${scenarios.length} scenarios did not pass`}`, '');
  out.push(`${scenarios.length} scenarios: ${counts(scenarios)}. `
    + `Run time ${seconds(model.durationMs)}${model.startedAt ? `, started ${model.startedAt.toISOString()}` : ''}${context.commit ? `, commit \`${context.commit.slice(0, 12)}\`` : ''}.`);
  if (flakyLines.length) out.push('', `⚠️ ${flakyLines.length} flaky scenario(s): see "Flaky scenarios" below.`);

  out.push('', '## By FAQ question', '', '| question | result | scenarios | time |', '|---|---|---|---|');
  for (const question of FAQ_QUESTIONS) {
    const own = scenarios.filter((s) => questionOfTags(s.tags)?.id === question.id);
    const result = own.length === 0 ? '➖ no scenarios' : own.every((s) => s.status === 'passed') ? '✅ holds' : '❌ does not hold';
    out.push(`| **${question.id}** ${cell(question.english)} | ${result} | ${own.length ? counts(own) : '–'} | ${own.length ? seconds(own.reduce((n, s) => n + s.durationMs, 0)) : '–'} |`);
  }
  const other = scenarios.filter((s) => !questionOfTags(s.tags));
  if (other.length) out.push(`| Other behaviour (mail server, CRM) | ${other.every((s) => s.status === 'passed') ? '✅ holds' : '❌ does not hold'} | ${counts(other)} | ${seconds(other.reduce((n, s) => n + s.durationMs, 0))} |`);

  // Undefined ones have their own section below; every other non-pass is listed here.
  const failed = scenarios.filter((s) => s.status === 'failed' || s.status === 'ambiguous' || s.status === 'pending' || s.status === 'unknown');
  if (failed.length) {
    out.push('', '## Failed scenarios', '');
    for (const s of failed) {
      const where = s.failure ? `${s.uri}:${s.failure.line || s.line}` : `${s.uri}:${s.line}`;
      out.push(`- **${s.name}** (${code(`${s.uri}:${s.line}`)}): ${MARK[s.status]}`
        + (s.failure ? ` at ${code(s.failure.step)} (${code(where)}): ${cell(firstLine(s.failure.message))}` : ''));
    }
  }

  const undefinedSteps = scenarios.flatMap((s) => s.undefinedSteps.map((step) => ({ ...step, uri: s.uri })));
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

  const slowest = [...scenarios].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
  if (slowest.length) {
    out.push('', '## Slowest scenarios', '', '| scenario | time |', '|---|---|');
    for (const s of slowest) out.push(`| ${cell(s.name)} (${code(`${s.uri}:${s.line}`)}) | ${seconds(s.durationMs)} |`);
  }
  out.push('', 'Reports: `faq.html` (the FAQ question by question), `cucumber.html` (every step), `junit.xml`, `messages.ndjson`, `history.json`.');
  return `${out.join('\n')}\n`;
}
