import { describe, expect, it } from 'vitest';
import { buildRunModel } from '../run/run-model.ts';
import { fakeRun } from '../testing/fake-run.ts';
import { firstLine, renderRunSummary } from './run-summary.ts';

const model = () => buildRunModel(fakeRun([
  { uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
    { name: 'spam in Inbox', steps: [{ text: 'a', status: 'PASSED' }], durationMs: 300 },
    { name: 'manual save', steps: [{ text: 'a', status: 'PASSED' }, { keyword: 'Then', text: 'the e-mail "x" is saved once', status: 'FAILED', message: 'AssertionError [ERR_ASSERTION]: Expected 1, got 2\n    at step (steps/x.ts:3)' }], durationMs: 900 },
  ] },
  { uri: 'features/faq/q10.feature', name: 'Q10', tags: ['@Q10'], scenarios: [
    { name: 'repeat lead', steps: [{ text: 'the CRM has 2 leadz', status: 'UNDEFINED', keyword: 'Then' }], durationMs: 50 },
    { name: 'retried', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'], durationMs: 100 },
  ] },
  { uri: 'features/mail-server/delivery.feature', name: 'Delivery', scenarios: [{ name: 'refused at RCPT', steps: [{ text: 'a', status: 'PASSED' }] }] },
], { stepDefinitions: ['the CRM has {int} lead(s)', 'the CRM has no leads', 'the e-mail {string} is saved to the CRM once', 'it is {word}'] }));

describe('renderRunSummary', () => {
  const summary = renderRunSummary(model(), { flaky: [{ id: 'features/faq/q01.feature › spam in Inbox', recent: ['passed', 'failed', 'passed'], flips: 2, passedOnRetry: 0 }], historyRuns: 3, details: { node: 'v20', commit: '0123456789abcdef0123' } });

  it('opens with the verdict and the totals', () => {
    expect(summary).toMatch(/^# CRM e-mail FAQ: ❌ the product disagrees with the FAQ in 1 scenario\n/);
    expect(summary).toContain('5 scenarios: 3 passed, 1 disagree with the FAQ, 1 could not run, 0 not run (by Cucumber status: 3 passed, 1 failed, 1 undefined). Run time 1.6 s, started 2026-03-02T09:00:00.000Z, commit `0123456789ab`.');
    expect(summary).not.toContain('Partial run');
    expect(summary).toContain('⚠️ 2 flaky scenario(s)');
  });

  it('has a line per FAQ question with its counts', () => {
    expect(summary).toContain('| **Q0** The correspondence is kept in the form, and an e-mail can be found quickly | ➖ no scenarios | – | – |');
    expect(summary).toContain('| **Q1** Why e-mails are not saved to the CRM automatically | ❌ the product disagrees | 1 of 2 disagree; 1 pass | 1.2 s |');
    expect(summary).toContain('| **Q10** Why a lead was created although lead creation is off in the mailbox settings | ⚠️ could not run | 1 could not run; 1 pass | 0.3 s |');
    expect(summary).toContain('| Other behaviour (mail server, CRM) | ✅ holds | all 1 pass | 0.1 s |');
    expect(summary.match(/^\| \*\*Q\d+\*\*/gm)).toHaveLength(12);
  });

  it('lists a failure with its first error line and the failing step\'s location', () => {
    expect(summary).toContain('- **manual save** (`features/faq/q01.feature:6`): ❌ the product disagrees with the FAQ at `the e-mail "x" is saved once` (`features/faq/q01.feature:8`): Expected 1, got 2.');
    expect(summary).not.toContain('at step (steps/x.ts:3)');
  });

  it('lists a pending scenario with the failures', () => {
    const pending = buildRunModel(fakeRun([{ uri: 'f.feature', name: 'F', scenarios: [{ name: 'not yet', steps: [{ text: 'a', status: 'PENDING' }] }] }]));
    expect(renderRunSummary(pending, { flaky: [], historyRuns: 1 })).toContain('## Scenarios that did not pass\n\n- **not yet** (`f.feature:3`): ⚠️ could not run');
  });

  it('gives an undefined step the closest existing steps', () => {
    expect(summary).toContain('- `Then the CRM has 2 leadz` (`features/faq/q10.feature:4`)\n  - `the CRM has {int} lead(s)`\n  - `the CRM has no leads`');
  });

  it('lists flaky scenarios from the history and a pass on a retry in this run', () => {
    expect(summary).toContain('- `features/faq/q01.feature › spam in Inbox`: result changed 2 time(s): ✅❌✅');
    expect(summary).toContain('- `features/faq/q10.feature › retried`: passed only on a retry in this run');
  });

  it('shows the slowest scenarios', () => {
    expect(summary).toMatch(/## Slowest scenarios\n\n\| scenario \| time \|\n\|---\|---\|\n\| manual save \(`features\/faq\/q01.feature:6`\) \| 0.9 s \|/);
  });

  it('says so when everything passed', () => {
    const green = buildRunModel(fakeRun([{ uri: 'f', name: 'F', scenarios: [{ name: 's', steps: [{ text: 'a', status: 'PASSED' }] }] }]));
    const text = renderRunSummary(green, { flaky: [], historyRuns: 1 });
    expect(text).toMatch(/^# CRM e-mail FAQ: ✅ every scenario passed/);
    expect(text).toContain('1 scenario: 1 passed, 0 disagree');
    expect(text).not.toContain('## Scenarios that did not pass');
    expect(text).not.toContain('flaky');
  });
});

describe('a partial run', () => {
  it('says "Partial run" with the selection and the shard, and claims no full pass', () => {
    const run = buildRunModel(fakeRun([{ uri: 'f.feature', name: 'F', tags: ['@Q1'], scenarios: [{ name: 's', steps: [{ text: 'a', status: 'PASSED' }] }] }]));
    const notRun = { ...run.scenarios[0]!, id: 'f.feature › t', name: 't', line: 9, verdict: 'not-run' as const, status: 'skipped' as const, steps: [] };
    const text = renderRunSummary(run, { flaky: [], historyRuns: 1, partial: true, results: [...run.scenarios, notRun], details: { node: 'v20', selection: ['f.feature:3'], shard: { index: 1, total: 2, dealt: ['f.feature:3'] } } });
    expect(text).toMatch(/^# CRM e-mail FAQ \(shard 1 of 2\): ✅ every scenario that ran passed \(1 of 2\)/);
    expect(text).toContain('> **Partial run**: 1 of 2 scenarios ran (selection: f.feature:3 shard 1 of 2).');
    expect(text).toContain('| **Q1** Why e-mails are not saved to the CRM automatically | ➖ partly checked | 1 of 2 ran, all pass; 1 not run |');
  });
});

describe('firstLine', () => {
  it('skips blank lines and a bare "Error:"', () => {
    expect(firstLine('\nError:\n  expected 1\n  at x')).toBe('expected 1');
    expect(firstLine('')).toBe('(no message)');
  });
});
