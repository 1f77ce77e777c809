import { parseEnvelopes } from './run/envelopes.ts';
import { buildRunModel, type ScenarioResult } from './run/run-model.ts';

export type { ScenarioResult, ScenarioStatus } from './run/run-model.ts';

/**
 * Reads a Cucumber messages stream (NDJSON) into one result per scenario run. The status is the
 * last attempt's; earlier attempts are kept. Throws with the line number on a line that is not JSON.
 */
export function readRunResults(ndjson: string): ScenarioResult[] {
  return [...buildRunModel(parseEnvelopes(ndjson)).scenarios];
}
