import type { Verdict } from '../run/verdict.ts';
import type { History, HistoryRun, HistoryScenario } from './run-history.ts';

/** How many recent runs a strip shows. */
export const STRIP_RUNS = 10;

export interface StripCell {
  readonly startedAt: string;
  readonly commit?: string;
  readonly verdict: Verdict;
}

/** A recorded result's verdict; runs recorded before verdicts existed are read from the status. */
export function verdictOf(result: HistoryScenario): Verdict {
  if (result.verdict) return result.verdict;
  return result.status === 'passed' ? 'agrees' : result.status === 'failed' ? 'disagrees' : result.status === 'skipped' ? 'not-run' : 'could-not-run';
}

const WORST: readonly Verdict[] = ['agrees', 'not-run', 'could-not-run', 'disagrees'];
const worst = (verdicts: readonly Verdict[]): Verdict => verdicts.reduce((a, v) => (WORST.indexOf(v) > WORST.indexOf(a) ? v : a), 'agrees');

/**
 * The verdicts of a group of scenarios (one, or a question's) in every recorded run that ran any
 * of them, oldest first: a group's verdict in a run is its worst scenario's.
 */
export function verdictsOverRuns(history: History, ids: readonly string[]): StripCell[] {
  return history.runs.flatMap((run: HistoryRun): StripCell[] => {
    const results = ids.map((id) => run.scenarios[id]).filter((r): r is HistoryScenario => r !== undefined);
    if (results.length === 0) return [];
    return [{ startedAt: run.startedAt, ...(run.commit && { commit: run.commit }), verdict: worst(results.map(verdictOf)) }];
  });
}

export function strip(history: History, ids: readonly string[], runs: number = STRIP_RUNS): StripCell[] {
  return verdictsOverRuns(history, ids).slice(-runs);
}

/** The first run of the current streak of runs that did not pass, when the latest did not pass. */
export function failingSince(history: History, ids: readonly string[]): StripCell | undefined {
  const cells = verdictsOverRuns(history, ids);
  let since: StripCell | undefined;
  for (let i = cells.length - 1; i >= 0 && cells[i]!.verdict !== 'agrees'; i--) since = cells[i];
  return since;
}
