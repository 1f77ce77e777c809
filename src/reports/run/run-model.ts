import type { Envelope, GherkinDocument, TestStepResultStatus } from '@cucumber/messages';
import { toMillis } from './envelopes.ts';
import type { ScenarioStatus } from './scenario-status.ts';
import { classify, type CouldNotRunCause, type StepKind, type Verdict } from './verdict.ts';

export type { ScenarioStatus } from './scenario-status.ts';

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
  /** Given (context), When (action), Then (outcome), or a hook. */
  readonly kind: StepKind;
  readonly message?: string;
  /** The class name of the error it failed with. */
  readonly errorType?: string;
  /** Its data table, row by row, as written. */
  readonly table?: ReadonlyArray<readonly string[]>;
}

export interface Failure {
  readonly step: string;
  readonly keyword: string;
  readonly kind: StepKind;
  readonly message: string;
  readonly line: number;
  readonly errorType?: string;
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
  /** The three verdicts (src/reports/run/verdict.ts), from the status and the failing step's error. */
  readonly verdict: Verdict;
  /** Why it could not run, when it could not. */
  readonly cause?: CouldNotRunCause;
  /** The first failing step of the last attempt. */
  readonly failure?: Failure;
  /** The last attempt's steps as written, each with its status (hooks only when they failed). */
  readonly steps: readonly StepOutcome[];
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

const KIND: Readonly<Record<string, StepKind>> = { Context: 'context', Action: 'action', Outcome: 'outcome', Unknown: 'unknown' };

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
  interface Attempt { testCaseId: string; startedAt: number; finishedAt: number; steps: Array<{ testStepId: string; status: ScenarioStatus; message?: string; errorType?: string }>; attachments: Attachment[] }
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
        ...(testStepResult.exception?.type && { errorType: testStepResult.exception.type }),
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
    const firstPickleStep = testCase.testSteps.findIndex((t) => t.pickleStepId);
    const describeStep = (testStepId: string): Omit<StepOutcome, 'status'> => {
      const index = testCase.testSteps.findIndex((t) => t.id === testStepId);
      const pickleStep = pickleSteps.get(testCase.testSteps[index]?.pickleStepId ?? '');
      if (!pickleStep) {
        const before = firstPickleStep === -1 || index < firstPickleStep;
        return { keyword: before ? 'Before' : 'After', text: before ? 'setting up the scenario' : 'tidying up after the scenario', line: 0, kind: before ? 'before-hook' : 'after-hook' };
      }
      const where = written.get(pickleStep.astNodeIds[0] ?? '');
      const rows = pickleStep.argument?.dataTable?.rows.map((r) => r.cells.map((c) => c.value));
      return { keyword: where?.keyword ?? '*', text: pickleStep.text, line: where?.line ?? 0, kind: KIND[pickleStep.type ?? 'Unknown'] ?? 'unknown', ...(rows && { table: rows }) };
    };
    const outcomeOf = (s: Attempt['steps'][number]): StepOutcome => ({
      ...describeStep(s.testStepId),
      status: s.status,
      ...(s.message !== undefined && { message: s.message }),
      ...(s.errorType && { errorType: s.errorType }),
    });
    const all = attemptIds.map((id) => attempts.get(id)!);
    const last = all.at(-1)!;
    const statuses = all.map((a) => worstStatus(a.steps.map((s) => s.status)));
    const status = statuses.at(-1)!;
    const failed = last.steps.find((s) => s.status === 'failed');
    const failedStep = failed && outcomeOf(failed);
    const { verdict, cause } = classify(status, failedStep && { kind: failedStep.kind, ...(failedStep.errorType && { errorType: failedStep.errorType }) });
    // Steps as written, in order; a step that never reported (the run stopped) is shown as skipped.
    const reported = new Map(last.steps.map((s) => [s.testStepId, s]));
    const stepOutcomes = testCase.testSteps.flatMap((t): StepOutcome[] => {
      const result = reported.get(t.id);
      if (!t.pickleStepId) return result && result.status !== 'passed' && result.status !== 'skipped' ? [outcomeOf(result)] : [];
      return [result ? outcomeOf(result) : { ...describeStep(t.id), status: 'skipped' }];
    });
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
      verdict,
      ...(cause && { cause }),
      ...(failedStep && { failure: {
        step: failedStep.text, keyword: failedStep.keyword, kind: failedStep.kind, message: failedStep.message ?? '', line: failedStep.line,
        ...(failedStep.errorType && { errorType: failedStep.errorType }),
      } }),
      steps: stepOutcomes,
      undefinedSteps: last.steps.filter((s) => s.status === 'undefined').map(outcomeOf),
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
