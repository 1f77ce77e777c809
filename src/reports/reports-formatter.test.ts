import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import reportsFormatter from './reports-formatter.ts';
import { fakeRun } from './testing/fake-run.ts';

/** Drives the formatter as Cucumber does: messages one by one, then the cleanup when the run ends. */
async function runFormatter(directory: string, envelopes: Envelope[]) {
  const handlers: Array<(e: Envelope) => void> = [];
  let written = '';
  const warnings: string[] = [];
  const infos: string[] = [];
  const cleanup = reportsFormatter.formatter({
    on: (_key, handler) => handlers.push(handler),
    write: (text) => (written += text),
    directory,
    options: {},
    logger: { info: (m) => infos.push(m), warn: (m) => warnings.push(m) },
  });
  for (const envelope of envelopes) for (const handler of handlers) handler(envelope);
  await cleanup();
  return { written, warnings, infos };
}

const runWith = (status: string) => fakeRun([{ uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
  { name: 'spam in Inbox', steps: [{ text: 'a', status }] },
  { name: 'missing', steps: [{ text: 'the CRM has 2 leadz', status: 'UNDEFINED' }] },
] }], { stepDefinitions: ['the CRM has {int} lead(s)'] });

describe('the reports formatter', () => {
  it('writes summary.md to its stream, and faq.html, junit.xml, run.json and history.json beside it, printing nothing twice', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'reports-'));
    const { written, warnings, infos } = await runFormatter(directory, runWith('PASSED'));
    expect(infos).toEqual([]);
    expect(warnings).toEqual([]);
    expect(written).toMatch(/^# CRM e-mail FAQ: ⚠️ 1 scenario could not run/);
    // The project's own features are the suite: two fake scenarios are a partial run of it.
    expect(written).toContain('> **Partial run**');
    expect(await readFile(join(directory, 'faq.html'), 'utf8')).toContain('<section class="question could-not-run" id="Q1"');
    expect(await readFile(join(directory, 'junit.xml'), 'utf8')).toMatch(/<testcase classname="Q1" name="missing" file="features\/faq\/q01.feature" line="6" time="[\d.]+"><error type="undefined-step"/);
    const details = JSON.parse(await readFile(join(directory, 'run.json'), 'utf8'));
    expect(details.node).toBe(process.version);
    expect(details.commit).toMatch(/^[0-9a-f]{40}/);
    const history = JSON.parse(await readFile(join(directory, 'history.json'), 'utf8'));
    expect(Object.keys(history.runs[0].scenarios)).toEqual(['features/faq/q01.feature › spam in Inbox', 'features/faq/q01.feature › missing']);
  });

  it('marks a scenario flaky once its result flips between runs', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'reports-'));
    await runFormatter(directory, runWith('PASSED'));
    const { written, warnings } = await runFormatter(directory, runWith('FAILED'));
    expect(written).toContain('- `features/faq/q01.feature › spam in Inbox`: result changed 1 time(s): ✅❌');
    expect(warnings).toContain('Flaky: features/faq/q01.feature › spam in Inbox');
    expect(JSON.parse(await readFile(join(directory, 'history.json'), 'utf8')).runs).toHaveLength(2);
  });
});
