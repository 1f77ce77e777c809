import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** `npm run steps -- <args>` in its own process (loading step files needs the project's TypeScript loader). */
async function steps(...args: string[]): Promise<{ code: number; output: string }> {
  return promisify(execFile)(process.execPath, ['--import', './scripts/register-ts.mjs', 'src/cli.ts', 'steps', ...args], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
}

/**
 * The step catalogue (features/STEPS.md) is generated from the step definitions as Cucumber loads
 * them. This runs the same check a developer runs: it fails when a step has no description, the
 * committed catalogue is not current, or a feature step matches no definition or several.
 */
describe('the step catalogue', () => {
  it('is current and describes every step', async () => {
    const outcome = await steps('--check');
    expect(outcome.output, outcome.output).toContain('features/STEPS.md is current; every step is described.');
    expect(outcome.code).toBe(0);
  }, 60_000);
});

describe('features/STEPS.md', () => {
  it('links only to files that exist, relative to features/', () => {
    const catalogue = readFileSync(join(root, 'features/STEPS.md'), 'utf8');
    const targets = [...catalogue.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/i.test(target));
    expect(targets.length).toBeGreaterThan(50);
    expect([...new Set(targets)].filter((target) => !existsSync(join(root, 'features', target)))).toEqual([]);
  });
});

describe('npm run steps -- --check <feature files>', () => {
  it('names a step that matches nothing, with the closest steps, and exits non-zero; a sound file passes', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'steps-check-'));
    const broken = join(directory, 'broken.feature');
    await writeFile(broken, [
      'Feature: A draft',
      '  Scenario: Typos',
      '    Given the employee "Anna Nowak"',
      '    Then the CRM has no deal',
      '    And "Anna Nowak" presses "Save to CRM" next to the e-mail "Hello"',
      '',
    ].join('\n'), 'utf8');
    const outcome = await steps('--check', broken);
    expect(outcome.code).toBe(1);
    // Cucumber names a feature by its path from the working directory (the project's root here).
    expect(outcome.output).toContain(`${relative(root, broken)}:5: no step matches "And "Anna Nowak" presses "Save to CRM" next to the e-mail "Hello"". Closest existing steps:\n    {employee} clicks "Save to CRM" next to the e-mail {string}`);
    expect(outcome.output).not.toContain(':4:');

    const sound = await steps('--check', 'features/crm/every-item-type.feature');
    expect(sound).toEqual({ code: 0, output: 'Every step of features/crm/every-item-type.feature matches exactly one definition.\n' });
  }, 60_000);

  it('refuses a file that does not exist, and files without --check', async () => {
    expect(await steps('--check', 'features/nope.feature')).toEqual({ code: 2, output: 'No such feature file: features/nope.feature\n' });
    expect((await steps('features/crm/every-item-type.feature')).code).toBe(2);
  }, 60_000);
});
