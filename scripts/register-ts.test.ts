import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/register-ts.mjs as every npm script uses it: a real Node process, with the stripping
// hooks on Node 20 and Node's own type stripping on 22.18+ and 24.
const REGISTER = fileURLToPath(new URL('./register-ts.mjs', import.meta.url));
// Set on Node 22.10+ ('strip' when it strips types itself); Node 20's types do not know it.
const nodeStripsTypes = Boolean((process.features as { typescript?: string | false }).typescript);

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'register-ts-'));
  await writeFile(join(directory, 'package.json'), '{ "type": "module" }\n');
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function runTs(name: string, source: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(directory, name);
  await writeFile(file, source);
  return promisify(execFile)(process.execPath, ['--import', REGISTER, file], { cwd: directory }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('TypeScript without a build step', () => {
  it('runs TypeScript that imports TypeScript, with types, type-only imports and generics', async () => {
    await writeFile(join(directory, 'shapes.ts'), 'export interface Shape { readonly sides: number }\nexport const square: Shape = { sides: 4 };\n');
    const result = await runTs(
      'main.ts',
      "import { square, type Shape } from './shapes.ts';\nconst sidesOf = <T extends Shape>(shape: T): number => shape.sides;\nconsole.log(`sides=${sidesOf(square)}`);\n",
    );
    expect(result).toMatchObject({ code: 0, stdout: 'sides=4\n', stderr: '' });
  });

  it("says which module is missing and who imports it, in Node's own words", async () => {
    const result = await runTs('imports-missing.ts', "import { gone } from './not-there.ts';\nconsole.log(gone);\n");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('ERR_MODULE_NOT_FOUND');
    expect(result.stderr).toMatch(/not-there\.ts[\s\S]*imports-missing\.ts/);
  });

  it('names the TypeScript line and column in a stack trace, as written', async () => {
    // Types before the throw on the same line: a stripper that moved code would shift the column.
    const line = 'const id: Id = "x"; const limit: number = 1; throw new Error(`failed ${id} ${limit}`);';
    const result = await runTs('throws.ts', `type Id = string;\n\n${line}\n`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Error: failed x 1');
    expect(result.stderr).toContain(`throws.ts:3:${line.indexOf('new Error') + 1}\n`);
    expect(result.stderr).not.toMatch(/ExperimentalWarning|--experimental-loader/);
  });

  it('refuses syntax that cannot be erased, naming the file and line', async () => {
    const result = await runTs('enum.ts', 'const ok = 1;\nenum Colour { Red }\nconsole.log(ok, Colour.Red);\n');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/enum/i);
    expect(result.stderr).toContain('enum.ts');
    // Node 22.18+ and 24 report their own error; the hooks of older Nodes say what tsconfig forbids.
    if (!nodeStripsTypes) expect(result.stderr).toMatch(/erasableSyntaxOnly forbids it:\n {2}\S*enum\.ts:2:1 enum Colour \{ Red \}\n/);
  });

  it('strips an edited file again instead of running what it held before', async () => {
    expect((await runTs('edited.ts', 'const word: string = "before";\nconsole.log(word);\n')).stdout).toBe('before\n');
    expect((await runTs('edited.ts', 'const word: string = "after";\nconsole.log(word);\n')).stdout).toBe('after\n');
  });
});
