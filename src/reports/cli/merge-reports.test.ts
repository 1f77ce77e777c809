import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunDetails } from '../run/run-details.ts';
import { fakeRun, toNdjson } from '../testing/fake-run.ts';
import { mergeReports } from './merge-reports.ts';

const Q1 = { uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [{ name: 'a', steps: [{ text: 'x', status: 'PASSED' }], durationMs: 1000 }] };
const Q2 = { uri: 'features/faq/q02.feature', name: 'Q2', tags: ['@Q2'], scenarios: [{ name: 'b', steps: [{ keyword: 'Then', text: 'x', status: 'FAILED', message: 'boom' }], durationMs: 2000 }] };

/** A shard's reports folder: its messages and its run.json, as `npm run ci -- --shard i/n` leaves them. */
async function shard(root: string, name: string, feature: typeof Q1, index: number, total: number, startMs: number): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  const details: RunDetails = { node: 'v20.19.0', commit: 'abc', shard: { index, total, dealt: [`${feature.uri}:3`] } };
  await writeFile(join(folder, 'run.json'), JSON.stringify(details), 'utf8');
  await writeFile(join(folder, 'messages.ndjson'), toNdjson(fakeRun([feature], { startMs })), 'utf8');
  return join(folder, 'messages.ndjson');
}

describe('mergeReports', () => {
  it('makes one FAQ page, summary, JUnit XML and Cucumber HTML report from a complete set of shards, without a history', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-'));
    const out = join(root, 'out');
    const first = await shard(root, 'shard-1', Q1, 1, 2, Date.UTC(2026, 2, 2, 9));
    const second = await shard(root, 'shard-2', Q2, 2, 2, Date.UTC(2026, 2, 2, 9));
    const { summaryFile, scenarios, problems } = await mergeReports([first, second], out, root);
    expect(problems).toEqual([]);
    expect(scenarios).toBe(2);
    const summary = await readFile(summaryFile, 'utf8');
    // Time: the slowest shard's wall time, with every shard's added up beside it.
    expect(summary).toContain('2 scenarios: 1 passed, 1 disagree with the FAQ, 0 could not run, 0 not run (by Cucumber status: 1 passed, 1 failed). Run time 2.0 s (machine time 3.0 s, every shard added up)');
    expect(summary).not.toContain('Partial run');
    expect(summary).toContain('| **Q2** Who can create leads and deals from e-mail | ❌ the product disagrees |');
    expect(await readFile(join(out, 'faq.html'), 'utf8')).toContain('<section class="question disagrees" id="Q2"');
    const junit = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(junit).toContain('tests="2" failures="1" errors="0" skipped="0"');
    const html = await readFile(join(out, 'cucumber.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('features/faq/q02.feature');
    const messages = (await readFile(join(out, 'messages.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(messages.filter((m) => m.testRunStarted)).toHaveLength(1);
    expect(messages.filter((m) => m.testRunFinished)).toHaveLength(1);
    await expect(readFile(join(out, 'history.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('names a missing shard and still writes the reports, with the "Partial run" banner', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-'));
    const out = join(root, 'out');
    const first = await shard(root, 'shard-1', Q1, 1, 3, Date.UTC(2026, 2, 2, 9));
    const third = await shard(root, 'shard-3', Q2, 3, 3, Date.UTC(2026, 2, 2, 9));
    const { problems } = await mergeReports([first, third], out, root);
    expect(problems).toEqual(['Shard 2 of 3 is missing: none of the files given is its messages']);
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('> **Partial run**');
    expect(summary).toContain('> - Shard 2 of 3 is missing');
    expect(summary).not.toContain('every scenario passed');
    expect(await readFile(join(out, 'faq.html'), 'utf8')).toContain('<li>Shard 2 of 3 is missing: none of the files given is its messages</li>');
  });

  it('names a repeated shard and counts it once, the same everywhere', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-'));
    const out = join(root, 'out');
    const first = await shard(root, 'shard-1', Q1, 1, 2, Date.UTC(2026, 2, 2, 9));
    const again = await shard(root, 'shard-1-again', Q1, 1, 2, Date.UTC(2026, 2, 2, 9));
    const { problems, scenarios } = await mergeReports([first, again], out, root);
    expect(problems).toEqual([
      `Shard 1 of 2 is given 2 times (${first}, ${again}); it is counted once`,
      'Shard 2 of 2 is missing: none of the files given is its messages',
    ]);
    expect(scenarios).toBe(1);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('1 scenario: 1 passed');
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toContain('tests="1"');
  });

  it('names a shard that stopped before every scenario it was dealt had a result', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-'));
    const first = await shard(root, 'shard-1', Q1, 1, 1, Date.UTC(2026, 2, 2, 9));
    await writeFile(join(root, 'shard-1', 'run.json'), JSON.stringify({ node: 'v20', shard: { index: 1, total: 1, dealt: ['features/faq/q01.feature:3', 'features/faq/q01.feature:9'] } }), 'utf8');
    const { problems } = await mergeReports([first], join(root, 'out'), root);
    expect(problems).toEqual(['Shard 1 of 1 has no result for 1 of the 2 scenarios it was dealt (it stopped early?), e.g. features/faq/q01.feature:9']);
  });

  it('names the file that is missing or not a messages stream', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'merge-'));
    const broken = join(directory, 'broken.ndjson');
    await writeFile(broken, 'nope\n', 'utf8');
    await expect(mergeReports([broken], directory)).rejects.toThrow(`${broken}: Line 1 of the messages file is not JSON`);
    await expect(mergeReports([join(directory, 'nope.ndjson')], directory)).rejects.toThrow(`${join(directory, 'nope.ndjson')}: there is no such file`);
    await expect(mergeReports([], directory)).rejects.toThrow(/Name the messages files/);
  });
});
