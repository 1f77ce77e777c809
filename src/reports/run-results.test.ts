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
    expect(results[1]!.failure).toEqual({ step: 'b', message: 'AssertionError: boom\n    at x', line: 9 });
    expect(results[0]!.tags).toEqual(['@Q1', '@R1.3']);
    expect(results[2]!.undefinedSteps).toEqual([{ keyword: 'Given', text: 'a', line: 13, status: 'undefined' }]);
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
