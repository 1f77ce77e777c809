import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { renderFaqPage } from './faq-page.ts';
import { currentCommit, recordRun } from './history/history-file.ts';
import { FLAKY_WINDOW, KEEP_RUNS, flakyScenarios, historyRunOf, isRealRun, type History } from './history/run-history.ts';
import { buildRunModel } from './run/run-model.ts';
import { closestSteps } from './steps/closest-steps.ts';
import { renderRunSummary } from './summary/run-summary.ts';

export interface RunReportOptions {
  /** Where faq.html and history.json go (summary.md is written by the caller's stream). */
  readonly directory: string;
  readonly keepRuns?: number;
  readonly cwd?: string;
  readonly now?: Date;
  /** Reading a finished run again (e.g. from messages.ndjson) must not count it twice. */
  readonly recordHistory?: boolean;
  readonly commit?: string;
}

export interface RunReports {
  readonly summary: string;
  /** Lines for the terminal: undefined steps with the closest steps, notes about the history. */
  readonly notices: readonly string[];
}

/**
 * Everything this project reports beyond Cucumber's own formats, from one run's messages: the
 * run goes into the history, then summary.md and faq.html are built with the flaky verdicts.
 */
export async function writeRunReports(envelopes: readonly Envelope[], options: RunReportOptions): Promise<RunReports> {
  const model = buildRunModel(envelopes);
  const now = options.now ?? model.startedAt ?? new Date();
  const commit = options.commit ?? (await currentCommit(options.cwd ?? process.cwd()));
  const historyFile = join(options.directory, 'history.json');
  const notices: string[] = [];
  let history: History = { runs: [] };
  await mkdir(dirname(historyFile), { recursive: true });
  if (options.recordHistory !== false && isRealRun(model)) {
    const recorded = await recordRun(historyFile, historyRunOf(model, now, commit), options.keepRuns ?? KEEP_RUNS);
    history = recorded.history;
    if (recorded.note) notices.push(recorded.note);
  }
  const flaky = flakyScenarios(history);
  const historyRuns = Math.min(history.runs.length, FLAKY_WINDOW);
  const summary = renderRunSummary(model, { flaky, historyRuns, ...(commit && { commit }) });
  await writeFile(join(options.directory, 'faq.html'), renderFaqPage(model.scenarios, now, { flaky }), 'utf8');

  const seen = new Set<string>();
  for (const scenario of model.scenarios) {
    for (const step of scenario.undefinedSteps) {
      const key = `${scenario.uri}:${step.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const closest = closestSteps(step.text, model.stepExpressions).map((s) => `    ${s.expression}`);
      notices.push(`Undefined step at ${key}: ${step.keyword} ${step.text}\n  Closest existing steps:\n${closest.join('\n') || '    (none)'}`);
    }
  }
  for (const f of flaky) notices.push(`Flaky: ${f.id}`);
  return { summary, notices };
}
