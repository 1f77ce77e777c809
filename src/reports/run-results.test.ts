import { describe, expect, it } from 'vitest';
import { renderFaqPage } from './faq-page.ts';
import { readRunResults } from './run-results.ts';

/** A messages stream for one feature with the given scenarios, each with steps and their statuses. */
function stream(scenarios: Array<{ name: string; tags: string[]; steps: Array<[string, string, string?]>; attempts?: number }>): string {
  const lines: object[] = [{ gherkinDocument: { uri: 'features/faq/q1.feature', feature: { name: 'Q1 Why not saved' } } }];
  scenarios.forEach((scenario, i) => {
    const steps = scenario.steps.map(([text], j) => ({ id: `ps${i}.${j}`, text }));
    lines.push({ pickle: { id: `p${i}`, uri: 'features/faq/q1.feature', name: scenario.name, tags: scenario.tags.map((name) => ({ name })), steps } });
    lines.push({ testCase: { id: `tc${i}`, pickleId: `p${i}`, testSteps: steps.map((s, j) => ({ id: `ts${i}.${j}`, pickleStepId: s.id })) } });
    for (let attempt = 0; attempt < (scenario.attempts ?? 1); attempt++) {
      const started = `tcs${i}.${attempt}`;
      lines.push({ testCaseStarted: { id: started, testCaseId: `tc${i}` } });
      const last = attempt === (scenario.attempts ?? 1) - 1;
      scenario.steps.forEach(([, status, message], j) => {
        lines.push({ testStepFinished: { testCaseStartedId: started, testStepId: `ts${i}.${j}`, testStepResult: { status: last ? status : 'FAILED', ...(message && { message }) } } });
      });
    }
  });
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

describe('readRunResults', () => {
  it('gives each scenario its worst step status and the first failing step', () => {
    const results = readRunResults(stream([
      { name: 'ok', tags: ['@Q1', '@R1.3'], steps: [['a', 'PASSED'], ['b', 'PASSED']] },
      { name: 'broken', tags: ['@Q1'], steps: [['a', 'PASSED'], ['b', 'FAILED', 'AssertionError: boom'], ['c', 'SKIPPED']] },
      { name: 'missing', tags: ['@Q2'], steps: [['a', 'UNDEFINED'], ['b', 'SKIPPED']] },
    ]));
    expect(results.map((r) => [r.name, r.status, r.feature])).toEqual([
      ['ok', 'passed', 'Q1 Why not saved'],
      ['broken', 'failed', 'Q1 Why not saved'],
      ['missing', 'undefined', 'Q1 Why not saved'],
    ]);
    expect(results[1]!.failure).toEqual({ step: 'b', message: 'AssertionError: boom' });
    expect(results[0]!.tags).toEqual(['@Q1', '@R1.3']);
  });

  it('counts only the last attempt of a retried scenario', () => {
    const [result] = readRunResults(stream([{ name: 'flaky', tags: [], steps: [['a', 'PASSED']], attempts: 2 }]));
    expect(result!.status).toBe('passed');
  });

  it('names the line that is not JSON', () => {
    expect(() => readRunResults('{}\nnot json\n')).toThrow(/Line 2 of the messages file is not JSON/);
  });
});

describe('renderFaqPage', () => {
  it('shows every FAQ question, with verdicts, failures and escaped text', () => {
    const results = readRunResults(stream([
      { name: 'spam <Inbox>', tags: ['@Q1', '@R1.3'], steps: [['a', 'PASSED']] },
      { name: 'manual save', tags: ['@Q1'], steps: [['b "x"', 'FAILED', 'expected <1>']] },
      { name: 'untagged', tags: [], steps: [['c', 'PASSED']] },
    ]));
    const html = renderFaqPage(results, new Date('2026-03-02T10:00:00Z'));
    expect(html).toContain('2 of 3 scenarios pass. 1 of 12 questions have scenarios.');
    expect(html).toContain('Dlaczego e-maile nie są automatycznie zapisywane w CRM');
    expect(html).toContain('<section class="failing" id="Q1">');
    expect(html).toContain('<section class="not-specified" id="Q10">');
    expect(html).toContain('spam &lt;Inbox&gt;');
    expect(html).toContain('Failed at: <em>b &quot;x&quot;</em>');
    expect(html).toContain('expected &lt;1&gt;');
    expect(html).toContain('Other behaviour');
    expect(html).not.toContain('<Inbox>');
  });
});
