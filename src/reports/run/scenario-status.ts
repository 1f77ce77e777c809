/**
 * A scenario's result as Cucumber reports it, worst attempt first when it was retried. Kept apart
 * from run-model.ts so that verdict.ts, which run-model.ts uses, can name it without a loop.
 */
export type ScenarioStatus = 'passed' | 'failed' | 'undefined' | 'pending' | 'skipped' | 'ambiguous' | 'unknown';
