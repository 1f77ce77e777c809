import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/**
 * The step catalogue (features/STEPS.md) is generated from the step definitions as Cucumber loads
 * them. This runs the same check a developer runs, in its own process because loading step files
 * needs the project's TypeScript loader: it fails when a step has no description or the
 * committed catalogue is not current, and says to run `npm run steps -- --write`.
 */
describe('the step catalogue', () => {
  it('is current and describes every step', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', './scripts/register-ts.mjs', 'src/cli.ts', 'steps', '--check'], { cwd: root });
    const outcome = await run.then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    expect(outcome.output, outcome.output).toContain('features/STEPS.md is current; every step is described.');
    expect(outcome.code).toBe(0);
  }, 60_000);
});
