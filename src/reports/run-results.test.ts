import { describe, expect, it } from 'vitest';
import { readRunResults } from './run-results.ts';
import { fakeRun, toNdjson } from './testing/fake-run.ts';

const q1 = (scenarios: Parameters<typeof fakeRun>[0][number]['scenarios']) => toNdjson(fakeRun([{ uri: 'features/faq/q1.feature', name: 'Q1 Why not saved', tags: ['@Q1'], scenarios }]));

describe('readRunResults', () => {
  it('gives each scenario its worst step status and the first failing step', () => {
    const results = readRunResults(toNdjson(fakeRun([
      { uri: 'features/faq/q1.feature', name: 'Q1 Why not saved', scenarios: [
        { name: 'ok', tags: ['@Q1', '@R1.3'], steps: [{ text: 'a', status: 'PASSED' }, { text: 'b', status: 'PASSED' }] },
        { name: 'broken', tags: ['@Q1'], steps: [{ text: 'a', status: 'PASSED' }, { text: 'b', status: 'FAILED', message: 'AssertionError: boom\n    at x' }, { text: 'c', status: 'SKIPPED' }] },
        { name: 'missing', tags: ['@Q2'], steps: [{ text: 'a', status: 'UNDEFINED' }, { text: 'b', status: 'SKIPPED' }] },
      ] },
    ])));
    expect(results.map((r) => [r.name, r.status, r.feature])).toEqual([
      ['ok', 'passed', 'Q1 Why not saved'],
      ['broken', 'failed', 'Q1 Why not saved'],
      ['missing', 'undefined', 'Q1 Why not saved'],
    ]);
    expect(results[1]!.failure).toEqual({ step: 'b', keyword: 'Given', kind: 'context', message: 'AssertionError: boom\n    at x', line: 9, errorType: 'AssertionError' });
    expect(results[1]!.steps.map((s) => [s.text, s.status])).toEqual([['a', 'passed'], ['b', 'failed'], ['c', 'skipped']]);
    expect(results[0]!.tags).toEqual(['@Q1', '@R1.3']);
    expect(results[2]!.undefinedSteps).toEqual([{ keyword: 'Given', text: 'a', line: 13, kind: 'context', status: 'undefined' }]);
  });

  it('gives each scenario one of three verdicts from the failing step and the class of its error, not its message', () => {
    const results = readRunResults(q1([
      { name: 'passes', steps: [{ text: 'a', status: 'PASSED' }] },
      { name: 'wrong expectation', steps: [{ text: 'a', status: 'PASSED' }, { keyword: 'Then', text: 'b', status: 'FAILED', message: 'Expected a lead', errorType: 'NothingFoundFailure' }] },
      { name: 'assertion', steps: [{ keyword: 'When', text: 'b', status: 'FAILED', message: 'There is no employee', errorType: 'AssertionError' }] },
      { name: 'typo', steps: [{ keyword: 'Then', text: 'b', status: 'FAILED', message: 'Expected a lead', errorType: 'FeatureWordingError' }] },
      { name: 'set-up', steps: [{ keyword: 'Given', text: 'b', status: 'FAILED', message: 'Expected a lead', errorType: 'ExpectationFailure' }] },
      { name: 'harness', steps: [{ keyword: 'Then', text: 'b', status: 'FAILED', message: 'Expected a lead', errorType: 'TypeError' }] },
      { name: 'undefined', steps: [{ text: 'a', status: 'UNDEFINED' }] },
      { name: 'pending', steps: [{ text: 'a', status: 'PENDING' }] },
      { name: 'ambiguous', steps: [{ text: 'a', status: 'AMBIGUOUS' }] },
    ]));
    expect(results.map((r) => [r.name, r.verdict, r.cause])).toEqual([
      ['passes', 'agrees', undefined],
      ['wrong expectation', 'disagrees', undefined],
      ['assertion', 'disagrees', undefined],
      ['typo', 'could-not-run', 'feature-wording'],
      ['set-up', 'could-not-run', 'set-up'],
      ['harness', 'could-not-run', 'harness'],
      ['undefined', 'could-not-run', 'undefined-step'],
      ['pending', 'could-not-run', 'pending-step'],
      ['ambiguous', 'could-not-run', 'ambiguous-step'],
    ]);
  });

  it('keeps the status of the last attempt and remembers a pass on a retry', () => {
    const [result] = readRunResults(q1([{ name: 'flaky', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'], durationMs: 250 }]));
    expect(result).toMatchObject({ status: 'passed', attempts: ['failed', 'passed'], passedOnRetry: true, durationMs: 500 });
  });

  it('names an outline row by its values, so the same row keeps its id across runs', () => {
    const results = readRunResults(q1([
      { name: 'lead creation <setting>', row: ['off', 'none'], steps: [{ text: 'a', status: 'PASSED' }] },
      { name: 'lead creation <setting>', row: ['Lead', 'a lead'], steps: [{ text: 'a', status: 'PASSED' }] },
    ]));
    expect(results.map((r) => r.id)).toEqual([
      'features/faq/q1.feature › lead creation <setting> › off | none',
      'features/faq/q1.feature › lead creation <setting> › Lead | a lead',
    ]);
  });

  it('decodes attachments of the last attempt', () => {
    const [result] = readRunResults(q1([{ name: 's', steps: [{ text: 'a', status: 'PASSED' }], attachments: [{ mediaType: 'text/plain', body: 'hello', fileName: 'x.txt' }] }]));
    expect(result!.attachments).toEqual([{ mediaType: 'text/plain', body: 'hello', fileName: 'x.txt' }]);
  });

  it('names the line that is not JSON', () => {
    expect(() => readRunResults('{}\nnot json\n')).toThrow(/Line 2 of the messages file is not JSON/);
  });
});
