import type { RunModel, ScenarioStatus } from '../run/run-model.ts';
import type { Verdict } from '../run/verdict.ts';

/**
 * The history of runs kept in reports/history.json: for each run its time, the commit it ran on
 * and each scenario's status and duration. It is what lets a report say a scenario is flaky.
 */
export interface HistoryScenario {
  readonly status: ScenarioStatus;
  readonly durationMs: number;
  /** Present when Cucumber retried: every attempt's status, the last one counting. */
  readonly attempts?: readonly ScenarioStatus[];
  /** The verdict (src/reports/run/verdict.ts); runs recorded before verdicts existed lack it. */
  readonly verdict?: Verdict;
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
    if (s.verdict === 'not-run') continue;
    scenarios[s.id] = { status: s.status, durationMs: s.durationMs, ...(s.attempts.length > 1 && { attempts: s.attempts }), verdict: s.verdict };
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
  /** Oldest first, the passed or failed results it had in the recent runs. */
  readonly recent: readonly ScenarioStatus[];
  /** How many times the result changed between passed and failed. */
  readonly flips: number;
  /** Runs in which it passed only on a retry. */
  readonly passedOnRetry: number;
}

/** Only results of steps that ran say anything about flakiness; undefined or pending do not. */
const RAN: ReadonlySet<ScenarioStatus> = new Set(['passed', 'failed']);

/**
 * Scenarios flaky in the last `window` runs: the result changed between passed and failed on
 * the same commit (or where the commit is unknown), or changed back and forth (two changes or
 * more) across commits, or it passed only on a retry, which Cucumber reports as a pass and this
 * project does not. One change across commits is a fix or a regression, not flakiness.
 */
export function flakyScenarios(history: History, window: number = FLAKY_WINDOW): FlakyScenario[] {
  const recent = history.runs.slice(-window);
  const ids = [...new Set(recent.flatMap((run) => Object.keys(run.scenarios)))].sort();
  return ids.flatMap((id): FlakyScenario[] => {
    const results = recent.flatMap((run) => {
      const result = run.scenarios[id];
      return result && RAN.has(result.status) ? [{ ...result, commit: run.commit }] : [];
    });
    let flips = 0;
    let flipOnOneCommit = false;
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1]!, results[i]!];
      if (before.status === after.status) continue;
      flips++;
      if (before.commit === undefined || after.commit === undefined || before.commit === after.commit) flipOnOneCommit = true;
    }
    const passedOnRetry = results.filter((r) => r.status === 'passed' && (r.attempts ?? []).some((a) => a !== 'passed')).length;
    const flaky = passedOnRetry > 0 || flips >= 2 || flipOnOneCommit;
    return flaky ? [{ id, recent: results.map((r) => r.status), flips, passedOnRetry }] : [];
  });
}
