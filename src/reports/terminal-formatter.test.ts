import type { Envelope } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import terminalFormatter from './terminal-formatter.ts';
import { fakeRun } from './testing/fake-run.ts';

/** Drives the formatter as Cucumber does and returns what it wrote to the terminal. */
async function terminal(envelopes: Envelope[], options: { reports?: string; rerun?: string } = {}): Promise<string> {
  const handlers: Array<(e: Envelope) => void> = [];
  let written = '';
  const finish = terminalFormatter.formatter({ on: (_key, handler) => handlers.push(handler), write: (text) => (written += text), options: { reports: 'reports', ...options } });
  for (const envelope of envelopes) for (const handler of handlers) handler(envelope);
  await finish();
  return written;
}

const mixed = () => fakeRun([{ uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
  { name: 'passes', steps: [{ text: 'a', status: 'PASSED' }] },
  { name: 'wrong', steps: [{ keyword: 'Then', text: 'the CRM has 3 leads', status: 'FAILED', message: 'AssertionError: Expected 3 leads; the CRM has 1\n    at x (steps/a.ts:1:1)\n\n  Timeline of the lead "A":\n    09:00  E-mail "A"' }],
    attachments: [{ mediaType: 'text/plain', fileName: 'mail-traffic.txt', body: 'IMAP#1 C: A1 LOGIN\n'.repeat(200) }, { mediaType: 'text/plain', fileName: 'crm-state.txt', body: 'state' }] },
  { name: 'typo', steps: [{ text: 'the CRM has 2 leadz', status: 'UNDEFINED' }] },
] }], { stepDefinitions: ['the CRM has {int} lead(s)', 'the CRM has no leads'] });

describe('the terminal formatter', () => {
  it('prints a character per scenario, at most ten lines per scenario that did not pass, and no attachment contents', async () => {
    const text = await terminal(mixed());
    expect(text.startsWith('.FU\n')).toBe(true);
    const blocks = text.split('\n\n').filter((b) => /^(✘|!) /.test(b));
    expect(blocks).toEqual([
      expect.stringMatching(/^✘ the product disagrees with the FAQ: wrong \(features\/faq\/q01\.feature:6\)\n {2}Expected 3 leads; the CRM has 1\.\n {2}at Then the CRM has 3 leads \(features\/faq\/q01\.feature:7\)\n {2}files: reports\/scenarios\/s-[0-9a-f]{10}\/mail-traffic\.txt, reports\/scenarios\/s-[0-9a-f]{10}\/crm-state\.txt$/),
      expect.stringMatching(/^! could not run: typo \(features\/faq\/q01\.feature:9\)\n {2}The step “the CRM has 2 leadz” \(line 10\) matches no step definition, so the scenario could not run\.\n {2}Undefined step at features\/faq\/q01\.feature:10: Given the CRM has 2 leadz\n {2}Closest existing steps:\n {4}the CRM has \{int\} lead\(s\)/),
    ]);
    for (const block of blocks) expect(block.split('\n').length).toBeLessThanOrEqual(10);
    expect(text).not.toContain('IMAP#1');
    expect(text).not.toContain('Timeline of the lead');
    expect(text).toContain('3 scenarios: 1 passed, 1 disagree with the FAQ, 1 could not run');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^Reports in \/.*reports: faq\.html \(for product owners\), summary\.md, cucumber\.html, junit\.xml, messages\.ndjson, history\.json\.$/);
  });

  it('describes the rerun file for what it is: the failed scenarios, or empty on a green run', async () => {
    const failed = await terminal(mixed(), { rerun: 'reports/@rerun.txt' });
    expect(failed).toContain('; failed scenarios in reports/@rerun.txt (run them again: npm run ci -- @reports/@rerun.txt).');
    const green = await terminal(fakeRun([{ uri: 'f.feature', name: 'F', scenarios: [{ name: 's', steps: [{ text: 'a', status: 'PASSED' }] }] }]), { rerun: 'reports/@rerun.txt' });
    expect(green).toContain('1 scenario: 1 passed');
    expect(green).toContain('; reports/@rerun.txt is empty: nothing to run again.');
    expect(green).not.toContain('failed scenarios');
  });
});
