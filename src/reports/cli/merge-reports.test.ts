import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRun, toNdjson } from '../testing/fake-run.ts';
import { mergeReports } from './merge-reports.ts';

describe('mergeReports', () => {
  it("makes one summary and one FAQ page from every shard's messages, without a history", async () => {
    const directory = await mkdtemp(join(tmpdir(), 'merge-'));
    const first = join(directory, 'shard-1.ndjson');
    const second = join(directory, 'shard-2.ndjson');
    await writeFile(first, toNdjson(fakeRun([{ uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [{ name: 'a', steps: [{ text: 'x', status: 'PASSED' }], durationMs: 1000 }] }])), 'utf8');
    await writeFile(second, toNdjson(fakeRun([{ uri: 'features/faq/q02.feature', name: 'Q2', tags: ['@Q2'], scenarios: [{ name: 'b', steps: [{ text: 'x', status: 'FAILED', message: 'boom' }], durationMs: 2000 }] }])), 'utf8');
    const { summaryFile, scenarios } = await mergeReports([first, second], directory);
    expect(scenarios).toBe(2);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('2 scenarios: 1 passed, 1 failed. Run time 3.0 s');
    expect(summary).toContain('| **Q1** Why e-mails are not saved to the CRM automatically | ✅ holds |');
    expect(summary).toContain('| **Q2** Who can create leads and deals from e-mail | ❌ does not hold |');
    expect(await readFile(join(directory, 'faq.html'), 'utf8')).toContain('<section class="question failing" id="Q2"');
    await expect(readFile(join(directory, 'history.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('names the file that is not a messages stream', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'merge-'));
    const broken = join(directory, 'broken.ndjson');
    await writeFile(broken, 'nope\n', 'utf8');
    await expect(mergeReports([broken], directory)).rejects.toThrow(`${broken}: Line 1 of the messages file is not JSON`);
    await expect(mergeReports([], directory)).rejects.toThrow(/Name the messages files/);
  });
});
