import type { RunModel, ScenarioStatus } from '../run/run-model.ts';

/**
 * The history of runs kept in reports/history.json: for each run its time, the commit it ran on
 * and each scenario's status and duration. It is what lets a report say a scenario is flaky.
 */
export interface HistoryScenario {
  readonly status: ScenarioStatus;
  readonly durationMs: number;
  /** Present when Cucumber retried: every attempt's status, the last one counting. */
  readonly attempts?: readonly ScenarioStatus[];
}

export interface HistoryRun {
  readonly startedAt: string;
  readonly commit?: string;
  readonly scenarios: Readonly<Record<string, HistoryScenario>>;
}

export interface History {
  runs: HistoryRun[];
}

export const KEEP_RUNS = 50;
/** How many recent runs decide whether a scenario is flaky. */
export const FLAKY_WINDOW = 10;

export function historyRunOf(model: RunModel, startedAt: Date, commit: string | undefined): HistoryRun {
  const scenarios: Record<string, HistoryScenario> = {};
  for (const s of model.scenarios) {
    scenarios[s.id] = { status: s.status, durationMs: s.durationMs, ...(s.attempts.length > 1 && { attempts: s.attempts }) };
  }
  return { startedAt: startedAt.toISOString(), ...(commit && { commit }), scenarios };
}

/** The history with this run added, keeping only the last `keep` runs. */
export function withRun(history: History, run: HistoryRun, keep: number = KEEP_RUNS): History {
  return { runs: [...history.runs, run].slice(-keep) };
}

/** A run where no step ran (a dry run) says nothing about the product and is not recorded. */
export function isRealRun(model: RunModel): boolean {
  return model.scenarios.some((s) => s.status !== 'skipped' && s.status !== 'unknown');
}

export interface FlakyScenario {
  readonly id: string;
  /** Oldest first, the statuses it had in the recent runs it ran in. */
  readonly recent: readonly ScenarioStatus[];
  /** How many times the result changed between passing and not passing. */
  readonly flips: number;
  /** Runs in which it passed only on a retry. */
  readonly passedOnRetry: number;
}

/**
 * Scenarios whose result flips between passing and not passing in the last `window` runs, or
 * that passed only on a retry: Cucumber reports such a pass as a pass; this project does not.
 */
export function flakyScenarios(history: History, window: number = FLAKY_WINDOW): FlakyScenario[] {
  const recent = history.runs.slice(-window);
  const ids = [...new Set(recent.flatMap((run) => Object.keys(run.scenarios)))].sort();
  return ids.flatMap((id): FlakyScenario[] => {
    const results = recent.flatMap((run) => (run.scenarios[id] ? [run.scenarios[id]] : []));
    const statuses = results.map((r) => r.status);
    let flips = 0;
    for (let i = 1; i < statuses.length; i++) if ((statuses[i] === 'passed') !== (statuses[i - 1] === 'passed')) flips++;
    const passedOnRetry = results.filter((r) => r.status === 'passed' && (r.attempts ?? []).some((a) => a !== 'passed')).length;
    return flips > 0 || passedOnRetry > 0 ? [{ id, recent: statuses, flips, passedOnRetry }] : [];
  });
}
