import type { Envelope, GherkinDocument, TestStepResultStatus } from '@cucumber/messages';
import { toMillis } from './envelopes.ts';

export type ScenarioStatus = 'passed' | 'failed' | 'undefined' | 'pending' | 'skipped' | 'ambiguous' | 'unknown';

export interface Attachment {
  readonly mediaType: string;
  readonly fileName?: string;
  /** The text (decoded when the stream carried it as base64). */
  readonly body: string;
}

export interface StepOutcome {
  readonly keyword: string;
  readonly text: string;
  /** The step's line in the feature file; 0 for a hook. */
  readonly line: number;
  readonly status: ScenarioStatus;
  readonly message?: string;
}

export interface ScenarioResult {
  /** Stable across runs: feature file, scenario name and, for an outline, the example row's values. */
  readonly id: string;
  readonly feature: string;
  readonly uri: string;
  /** The scenario's line, or its example row's. */
  readonly line: number;
  readonly name: string;
  readonly tags: readonly string[];
  /** The last attempt's status. */
  readonly status: ScenarioStatus;
  /** Every attempt's status, in order; more than one when Cucumber retried the scenario. */
  readonly attempts: readonly ScenarioStatus[];
  /** Failed at first, passed on a retry: Cucumber counts it as passed, this project as flaky. */
  readonly passedOnRetry: boolean;
  /** Time spent on every attempt together. */
  readonly durationMs: number;
  /** The first failing step of the last attempt. */
  readonly failure?: { step: string; message: string; line: number };
  readonly undefinedSteps: readonly StepOutcome[];
  /** The last attempt's attachments. */
  readonly attachments: readonly Attachment[];
}

export interface RunModel {
  /** When the (first) run started. */
  readonly startedAt?: Date;
  /** From start to finish; for several runs read together, their times added up. */
  readonly durationMs: number;
  readonly scenarios: readonly ScenarioResult[];
  /** Every step expression the run knew, for suggestions. */
  readonly stepExpressions: ReadonlyArray<{ source: string; type: 'CUCUMBER_EXPRESSION' | 'REGULAR_EXPRESSION' }>;
}

/** Worse statuses win when a scenario's steps disagree (a failed step fails the scenario). */
const SEVERITY: readonly ScenarioStatus[] = ['passed', 'skipped', 'pending', 'undefined', 'ambiguous', 'failed', 'unknown'];

const lower = (status: TestStepResultStatus): ScenarioStatus => {
  const value = String(status).toLowerCase();
  return (SEVERITY as readonly string[]).includes(value) ? (value as ScenarioStatus) : 'unknown';
};

export const worstStatus = (statuses: readonly ScenarioStatus[]): ScenarioStatus =>
  statuses.length === 0 ? 'unknown' : statuses.reduce((acc, s) => (SEVERITY.indexOf(s) > SEVERITY.indexOf(acc) ? s : acc), 'passed');

interface Written { keyword: string; line: number }

/** Lines and keywords of steps, scenario lines, and example rows (line and cell values) by AST id. */
function indexDocuments(documents: readonly GherkinDocument[]) {
  const steps = new Map<string, Written>();
  const nodes = new Map<string, { line: number; values?: readonly string[] }>();
  const features = new Map<string, string>();
  for (const document of documents) {
    if (document.uri && document.feature) features.set(document.uri, document.feature.name);
    type Child = NonNullable<GherkinDocument['feature']>['children'][number];
    const visit = (children: readonly Child[]) => {
      for (const child of children) {
        const container = child.background ?? child.scenario;
        for (const step of container?.steps ?? []) steps.set(step.id, { keyword: step.keyword.trim(), line: step.location.line });
        if (child.scenario) {
          nodes.set(child.scenario.id, { line: child.scenario.location.line });
          for (const examples of child.scenario.examples) {
            for (const row of examples.tableBody) nodes.set(row.id, { line: row.location.line, values: row.cells.map((c) => c.value) });
          }
        }
        if (child.rule) visit(child.rule.children as readonly Child[]);
      }
    };
    visit(document.feature?.children ?? []);
  }
  return { steps, nodes, features };
}

const decode = (body: string, encoding: string) => (encoding === 'BASE64' ? Buffer.from(body, 'base64').toString('utf8') : body);

/** One result per scenario (per example row of an outline), in the order the run started them. */
export function buildRunModel(envelopes: readonly Envelope[]): RunModel {
  const { steps: written, nodes, features } = indexDocuments(envelopes.flatMap((e) => (e.gherkinDocument ? [e.gherkinDocument] : [])));
  const pickles = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle] as const] : [])));
  const testCases = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase] as const] : [])));
  interface Attempt { testCaseId: string; startedAt: number; finishedAt: number; steps: Array<{ testStepId: string; status: ScenarioStatus; message?: string }>; attachments: Attachment[] }
  const attempts = new Map<string, Attempt>();
  const attemptsOfCase = new Map<string, string[]>();
  // Several runs' messages read together (the shards of one CI run) have several of each.
  const runStarts: number[] = [];
  const runEnds: number[] = [];

  for (const envelope of envelopes) {
    if (envelope.testRunStarted) runStarts.push(toMillis(envelope.testRunStarted.timestamp));
    else if (envelope.testRunFinished) runEnds.push(toMillis(envelope.testRunFinished.timestamp));
    else if (envelope.testCaseStarted) {
      const { id, testCaseId, timestamp } = envelope.testCaseStarted;
      attempts.set(id, { testCaseId, startedAt: toMillis(timestamp), finishedAt: toMillis(timestamp), steps: [], attachments: [] });
      attemptsOfCase.set(testCaseId, [...(attemptsOfCase.get(testCaseId) ?? []), id]);
    } else if (envelope.testCaseFinished) {
      const attempt = attempts.get(envelope.testCaseFinished.testCaseStartedId);
      if (attempt) attempt.finishedAt = toMillis(envelope.testCaseFinished.timestamp);
    } else if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      attempts.get(testCaseStartedId)?.steps.push({
        testStepId,
        status: lower(testStepResult.status),
        ...(testStepResult.message !== undefined && { message: testStepResult.message }),
      });
    } else if (envelope.attachment?.testCaseStartedId) {
      const { testCaseStartedId, mediaType, fileName, body, contentEncoding } = envelope.attachment;
      attempts.get(testCaseStartedId)?.attachments.push({ mediaType, ...(fileName && { fileName }), body: decode(body, contentEncoding) });
    }
  }

  const scenarios = [...attemptsOfCase.entries()].map(([testCaseId, attemptIds]): ScenarioResult => {
    const testCase = testCases.get(testCaseId);
    const pickle = pickles.get(testCase?.pickleId ?? '');
    if (!testCase || !pickle) throw new Error(`The messages file has a test case without its scenario (${testCaseId})`);
    const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
    const describeStep = (testStepId: string): Omit<StepOutcome, 'status'> => {
      const pickleStep = pickleSteps.get(testCase.testSteps.find((t) => t.id === testStepId)?.pickleStepId ?? '');
      if (!pickleStep) return { keyword: 'Hook', text: 'a hook', line: 0 };
      const where = written.get(pickleStep.astNodeIds[0] ?? '');
      return { keyword: where?.keyword ?? '*', text: pickleStep.text, line: where?.line ?? 0 };
    };
    const all = attemptIds.map((id) => attempts.get(id)!);
    const last = all.at(-1)!;
    const statuses = all.map((a) => worstStatus(a.steps.map((s) => s.status)));
    const status = statuses.at(-1)!;
    const failed = last.steps.find((s) => s.status === 'failed');
    const failedStep = failed && describeStep(failed.testStepId);
    const row = nodes.get(pickle.astNodeIds[1] ?? '');
    const scenarioNode = nodes.get(pickle.astNodeIds[0] ?? '');
    return {
      id: [pickle.uri, pickle.name, ...(row?.values ? [row.values.join(' | ')] : [])].join(' › '),
      feature: features.get(pickle.uri) ?? pickle.uri,
      uri: pickle.uri,
      line: row?.line ?? scenarioNode?.line ?? 0,
      name: pickle.name,
      tags: pickle.tags.map((t) => t.name),
      status,
      attempts: statuses,
      passedOnRetry: status === 'passed' && statuses.slice(0, -1).some((s) => s !== 'passed'),
      durationMs: all.reduce((sum, a) => sum + Math.max(0, a.finishedAt - a.startedAt), 0),
      ...(failed && failedStep && { failure: { step: failedStep.text, message: failed.message ?? '', line: failedStep.line } }),
      undefinedSteps: last.steps.filter((s) => s.status === 'undefined').map((s) => ({ ...describeStep(s.testStepId), status: s.status })),
      attachments: last.attachments,
    };
  });

  return {
    ...(runStarts.length > 0 && { startedAt: new Date(Math.min(...runStarts)) }),
    // The machine time of every run together: for shards, what the CI machines spent in all.
    durationMs: runEnds.reduce((sum, end, i) => sum + Math.max(0, end - (runStarts[i] ?? end)), 0),
    scenarios,
    stepExpressions: envelopes.flatMap((e) => (e.stepDefinition ? [{ source: e.stepDefinition.pattern.source, type: e.stepDefinition.pattern.type }] : [])),
  };
}
