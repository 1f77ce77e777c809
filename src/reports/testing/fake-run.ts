import type { Envelope } from '@cucumber/messages';

/**
 * Builds a realistic Cucumber messages stream for report tests, without running Cucumber: feature
 * documents, pickles, test cases, attempts with step results, durations and attachments, in the
 * order a real run emits them.
 */
export interface FakeStep {
  text: string;
  /** Per attempt, the last one counting; a single status means one attempt. */
  status: string;
  message?: string;
  /** The class name of the error a failed step threw (AssertionError when not given). */
  errorType?: string;
  keyword?: string;
}

export interface FakeScenario {
  name: string;
  tags?: string[];
  steps: FakeStep[];
  /** Statuses of earlier attempts (failed ones before a retry). */
  earlierAttempts?: string[];
  /** Example row values, for a scenario outline row. */
  row?: string[];
  durationMs?: number;
  attachments?: Array<{ mediaType: string; body: string; fileName?: string }>;
}

export interface FakeFeature {
  uri: string;
  name: string;
  tags?: string[];
  scenarios: FakeScenario[];
}

// Ids are unique across calls, as Cucumber's UUIDs are across runs (shards read together).
let n = 0;

const STEP_TYPE: Readonly<Record<string, string>> = { Given: 'Context', When: 'Action', Then: 'Outcome' };

const ts = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });

export function fakeRun(features: FakeFeature[], options: { startMs?: number; stepDefinitions?: string[] } = {}): Envelope[] {
  const out: Envelope[] = [];
  let clock = options.startMs ?? Date.UTC(2026, 2, 2, 9, 0, 0);
  const id = (prefix: string) => `${prefix}${n++}`;
  (options.stepDefinitions ?? []).forEach((source, i) => {
    out.push({ stepDefinition: { id: `sd${i}`, pattern: { source, type: 'CUCUMBER_EXPRESSION' }, sourceReference: { uri: 'steps/x.steps.ts', location: { line: i + 1 } } } } as Envelope);
  });
  const cases: Array<{ testCaseId: string; scenario: FakeScenario; stepIds: string[] }> = [];
  for (const feature of features) {
    let line = 3;
    const children = feature.scenarios.map((scenario) => {
      const scenarioId = id('scenario');
      const scenarioLine = line++;
      const steps = scenario.steps.map((step) => ({ id: id('step'), keyword: `${step.keyword ?? 'Given'} `, text: step.text, location: { line: line++ }, keywordType: 'Context' }));
      const rowId = scenario.row ? id('row') : undefined;
      const examples = scenario.row
        ? [{ id: id('examples'), keyword: 'Examples', name: '', description: '', location: { line: line++ }, tags: [], tableBody: [{ id: rowId!, location: { line: line++ }, cells: scenario.row.map((value) => ({ value, location: { line } })) }] }]
        : [];
      line++;
      return { scenarioId, scenarioLine, steps, rowId, examples, scenario };
    });
    out.push({ gherkinDocument: { uri: feature.uri, comments: [], feature: {
      keyword: 'Feature', name: feature.name, description: '', language: 'en', location: { line: 1 }, tags: (feature.tags ?? []).map((name) => ({ name, id: id('tag'), location: { line: 1 } })),
      children: children.map((c) => ({ scenario: { id: c.scenarioId, keyword: 'Scenario', name: c.scenario.name, description: '', location: { line: c.scenarioLine }, tags: [], steps: c.steps, examples: c.examples } })),
    } } } as Envelope);
    for (const c of children) {
      const pickleId = id('pickle');
      const pickleSteps = c.steps.map((s) => ({ id: id('pstep'), text: s.text, astNodeIds: [s.id], type: STEP_TYPE[s.keyword.trim()] ?? 'Context' }));
      out.push({ pickle: { id: pickleId, uri: feature.uri, name: c.scenario.name, language: 'en', astNodeIds: c.rowId ? [c.scenarioId, c.rowId] : [c.scenarioId], tags: [...(feature.tags ?? []), ...(c.scenario.tags ?? [])].map((name) => ({ name, astNodeId: '' })), steps: pickleSteps } } as Envelope);
      const testCaseId = id('tc');
      const stepIds = pickleSteps.map(() => id('ts'));
      out.push({ testCase: { id: testCaseId, pickleId, testRunStartedId: 'run', testSteps: pickleSteps.map((p, i) => ({ id: stepIds[i]!, pickleStepId: p.id, stepDefinitionIds: c.scenario.steps[i]!.status === 'UNDEFINED' ? [] : ['sd0'] })) } } as Envelope);
      cases.push({ testCaseId, scenario: c.scenario, stepIds });
    }
  }
  out.unshift({ testRunStarted: { timestamp: ts(clock), id: 'run' } } as Envelope);
  for (const { testCaseId, scenario, stepIds } of cases) {
    const statuses = [...(scenario.earlierAttempts ?? []), 'LAST'];
    statuses.forEach((attemptStatus, attempt) => {
      const started = id('tcs');
      const last = attemptStatus === 'LAST';
      out.push({ testCaseStarted: { id: started, testCaseId, attempt, timestamp: ts(clock) } } as Envelope);
      scenario.steps.forEach((step, i) => {
        const status = last ? step.status : (i === 0 ? attemptStatus : 'SKIPPED');
        const message = last ? step.message : status === 'FAILED' ? 'Error: failed on an earlier attempt' : undefined;
        const exception = status === 'FAILED' ? { exception: { type: (last && step.errorType) || 'AssertionError', message: message ?? '' } } : {};
        out.push({ testStepFinished: { testCaseStartedId: started, testStepId: stepIds[i]!, timestamp: ts(clock), testStepResult: { status, duration: ts(0), ...(message && { message }), ...exception } } } as Envelope);
      });
      if (last) for (const a of scenario.attachments ?? []) out.push({ attachment: { testCaseStartedId: started, mediaType: a.mediaType, body: a.body, contentEncoding: 'IDENTITY', ...(a.fileName && { fileName: a.fileName }) } } as Envelope);
      clock += scenario.durationMs ?? 100;
      out.push({ testCaseFinished: { testCaseStartedId: started, timestamp: ts(clock), willBeRetried: !last } } as Envelope);
    });
  }
  out.push({ testRunFinished: { timestamp: ts(clock), success: true, testRunStartedId: 'run' } } as Envelope);
  return out;
}

export const toNdjson = (envelopes: readonly Envelope[]) => envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n';
