import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const RUN_PARTS = join(import.meta.dirname, 'run-parts.mjs');

/**
 * Each part writes two lines to stdout and one to stderr. Two pipes carry them, so only the order
 * within each stream is kept; both stay inside the part's block.
 */
const part = (name: string, exitCode: number) =>
  `node -e "process.stdout.write('${name} 1\\n'); process.stderr.write('${name} on stderr\\n'); process.stdout.write('${name} 2\\n'); process.exitCode = ${exitCode}"`;

/** The part's block with its stderr line at the block's end, and times as T. */
const normalise = (output: string) => output
  .replace(/\(\d+\.\d s\)/g, '(T)').replace(/ \d+\.\d s/g, ' T')
  .replace(/^(\w+) on stderr\n((?:\1 \d\n)*)/gm, '$2$1 on stderr\n');

async function runParts(scripts: Record<string, string>, names: string[]): Promise<{ code: number; output: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'run-parts-'));
  await writeFile(join(directory, 'package.json'), JSON.stringify({ name: 'parts', private: true, scripts }), 'utf8');
  // stdout and stderr into one pipe, as a terminal or a CI log shows them.
  return promisify(execFile)('sh', ['-c', `"${process.execPath}" "${RUN_PARTS}" ${names.join(' ')} 2>&1`], { cwd: directory, env: { ...process.env, NO_COLOR: '1' } })
    .then(({ stdout }) => ({ code: 0, output: stdout }), (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }));
}

// Each part is an npm process of its own: on a busy two-core machine that takes seconds to start.
describe('run-parts (npm test runs its parts at the same time)', { timeout: 60_000 }, () => {
  it('prints each part as one block in the order named, and exits with the failing part\'s code', async () => {
    const { code, output } = await runParts({ first: part('first', 0), second: part('second', 3), third: part('third', 0) }, ['first', 'second', 'third']);
    expect(code).toBe(3);
    expect(normalise(output)).toBe([
      '> npm run first', 'first 1', 'first 2', 'first on stderr', '> npm run first: passed (T)', '',
      '> npm run second', 'second 1', 'second 2', 'second on stderr', '> npm run second: failed with exit code 3 (T)', '',
      '> npm run third', 'third 1', 'third 2', 'third on stderr', '> npm run third: passed (T)', '',
      'Failed: second (first T, second T, third T).', '',
    ].join('\n'));
  });

  it('exits with 0 when every part passed, and refuses to run without parts', async () => {
    const passed = await runParts({ only: part('only', 0) }, ['only']);
    expect(passed.code).toBe(0);
    expect(normalise(passed.output)).toContain('\nEvery part passed (only T).\n');
    const none = await runParts({}, []);
    expect(none).toEqual({ code: 2, output: expect.stringContaining('usage: node scripts/run-parts.mjs SCRIPT...') });
  });
});
