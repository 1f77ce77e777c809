import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishJobSummary } from './run-features.ts';

describe('publishJobSummary', () => {
  it('appends summary.md to the GitHub Actions job summary file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'job-summary-'));
    const summary = join(directory, 'summary.md');
    const target = join(directory, 'step-summary.md');
    await writeFile(summary, '# run\n', 'utf8');
    await writeFile(target, 'earlier step\n', 'utf8');
    expect(await publishJobSummary(summary, { GITHUB_STEP_SUMMARY: target })).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('earlier step\n# run\n\n');
  });

  it('does nothing outside GitHub Actions or without a summary', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'job-summary-'));
    expect(await publishJobSummary(join(directory, 'summary.md'), {})).toBe(false);
    expect(await publishJobSummary(join(directory, 'missing.md'), { GITHUB_STEP_SUMMARY: join(directory, 'x.md') })).toBe(false);
  });
});
