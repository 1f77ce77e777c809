import type { Envelope, TestStepResultStatus } from '@cucumber/messages';

export type ScenarioStatus = 'passed' | 'failed' | 'undefined' | 'pending' | 'skipped' | 'ambiguous' | 'unknown';

export interface ScenarioResult {
  readonly feature: string;
  readonly uri: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly status: ScenarioStatus;
  /** The first failing step's text and error, for a failed scenario. */
  readonly failure?: { step: string; message: string };
}

/** Worse statuses win when a scenario's steps disagree (a failed step fails the scenario). */
const SEVERITY: readonly ScenarioStatus[] = ['passed', 'skipped', 'pending', 'undefined', 'ambiguous', 'failed', 'unknown'];

const lower = (status: TestStepResultStatus): ScenarioStatus => {
  const value = String(status).toLowerCase();
  return (SEVERITY as readonly string[]).includes(value) ? (value as ScenarioStatus) : 'unknown';
};

/**
 * Reads a Cucumber messages stream (NDJSON) into one result per scenario run. Only the last
 * attempt of a retried scenario counts. Throws with the line number on a line that is not JSON.
 */
export function readRunResults(ndjson: string): ScenarioResult[] {
  const envelopes = ndjson.split('\n').flatMap((line, index): Envelope[] => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as Envelope];
    } catch {
      throw new Error(`Line ${index + 1} of the messages file is not JSON`);
    }
  });

  const features = new Map<string, string>();
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const stepTexts = new Map<string, string>();
  const testCasePickle = new Map<string, string>();
  const testStepPickleStep = new Map<string, string>();
  const attempts = new Map<string, { testCaseId: string; statuses: Array<{ status: ScenarioStatus; stepId: string; message?: string }> }>();
  const lastAttemptOfTestCase = new Map<string, string>();

  for (const envelope of envelopes) {
    if (envelope.gherkinDocument?.uri && envelope.gherkinDocument.feature) {
      features.set(envelope.gherkinDocument.uri, envelope.gherkinDocument.feature.name);
    } else if (envelope.pickle) {
      pickles.set(envelope.pickle.id, envelope.pickle);
      for (const step of envelope.pickle.steps) stepTexts.set(step.id, step.text);
    } else if (envelope.testCase) {
      testCasePickle.set(envelope.testCase.id, envelope.testCase.pickleId);
      for (const step of envelope.testCase.testSteps) if (step.pickleStepId) testStepPickleStep.set(step.id, step.pickleStepId);
    } else if (envelope.testCaseStarted) {
      attempts.set(envelope.testCaseStarted.id, { testCaseId: envelope.testCaseStarted.testCaseId, statuses: [] });
      lastAttemptOfTestCase.set(envelope.testCaseStarted.testCaseId, envelope.testCaseStarted.id);
    } else if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      attempts.get(testCaseStartedId)?.statuses.push({
        status: lower(testStepResult.status),
        stepId: testStepId,
        ...(testStepResult.message !== undefined && { message: testStepResult.message }),
      });
    }
  }

  return [...lastAttemptOfTestCase.values()].map((attemptId) => {
    const attempt = attempts.get(attemptId)!;
    const pickle = pickles.get(testCasePickle.get(attempt.testCaseId) ?? '');
    if (!pickle) throw new Error(`The messages file has a test case without its scenario (${attempt.testCaseId})`);
    const worst = attempt.statuses.reduce<ScenarioStatus>((acc, s) => (SEVERITY.indexOf(s.status) > SEVERITY.indexOf(acc) ? s.status : acc), 'passed');
    const failed = attempt.statuses.find((s) => s.status === 'failed');
    const failedStep = failed && (stepTexts.get(testStepPickleStep.get(failed.stepId) ?? '') ?? 'a hook');
    return {
      feature: features.get(pickle.uri) ?? pickle.uri,
      uri: pickle.uri,
      name: pickle.name,
      tags: pickle.tags.map((t) => t.name),
      status: attempt.statuses.length === 0 ? 'unknown' : worst,
      ...(failed && { failure: { step: failedStep ?? 'a hook', message: failed.message ?? '' } }),
    };
  });
}
