import type { FeatureFile } from '../features/feature-files.ts';
import type { ScenarioResult } from './run-model.ts';

/** A scenario of the suite (every feature file of the project), where Cucumber places it. */
export interface SuiteScenario {
  readonly uri: string;
  readonly name: string;
  readonly feature: string;
  readonly line: number;
  readonly place: string;
  readonly tags: readonly string[];
}

export const placeOf = (result: { uri: string; line: number }): string => `${result.uri}:${result.line}`;

export function suiteOf(features: readonly FeatureFile[]): SuiteScenario[] {
  return features.flatMap((f) => f.scenarios.map((s) => ({
    uri: f.path, name: s.name, feature: f.name, line: Number(s.place.slice(s.place.lastIndexOf(':') + 1)), place: s.place, tags: s.tags,
  })));
}

export interface Coverage {
  /** Scenarios of the suite this run left out: outside its selection, or in a shard not given. */
  readonly notRun: readonly ScenarioResult[];
  /** The run judged fewer scenarios than the suite holds. */
  readonly partial: boolean;
  readonly suiteSize: number;
  readonly ran: number;
}

/**
 * Sets the run against the suite: every scenario of the suite that is not among the results is
 * "not run" (a result of its own, so each report lists it and no question claims a verdict
 * without it). With no suite known, nothing counts as not run.
 */
export function coverageOf(results: readonly ScenarioResult[], suite: readonly SuiteScenario[]): Coverage {
  const ran = new Set(results.map(placeOf));
  const notRun = suite.filter((s) => !ran.has(s.place)).map((s): ScenarioResult => ({
    id: `${s.uri} › ${s.name}`,
    feature: s.feature,
    uri: s.uri,
    line: s.line,
    name: s.name,
    tags: s.tags,
    status: 'skipped',
    attempts: [],
    passedOnRetry: false,
    durationMs: 0,
    verdict: 'not-run',
    steps: [],
    undefinedSteps: [],
    attachments: [],
  }));
  const ranCount = results.filter((r) => r.verdict !== 'not-run').length;
  return { notRun, partial: notRun.length > 0 || results.some((r) => r.verdict === 'not-run'), suiteSize: Math.max(suite.length, results.length), ran: ranCount };
}
