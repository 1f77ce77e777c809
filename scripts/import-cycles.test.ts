import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findImportCycles } from './import-cycles.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

describe('import cycles', () => {
  it('there are none among src/, mock-servers/ and steps/', () => {
    expect(findImportCycles(projectRoot, ['src', 'mock-servers', 'steps'])).toEqual([]);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds a loop through three files, type-only imports and re-exports included', () => {
    mkdirSync(join(scratch, 'a', 'deep'), { recursive: true });
    writeFileSync(join(scratch, 'a', 'one.ts'), "import { two } from './deep/two.ts';\nexport const one = two;\n");
    writeFileSync(join(scratch, 'a', 'deep', 'two.ts'), "import type { Three } from '../three.ts';\nexport const two: Three = 2;\n");
    writeFileSync(join(scratch, 'a', 'three.ts'), "export { one as Three } from './one.ts';\n");
    writeFileSync(join(scratch, 'a', 'alone.ts'), "import { one } from './one.ts';\nexport const alone = one;\n");
    expect(findImportCycles(scratch, ['a'])).toEqual([['a/deep/two.ts', 'a/one.ts', 'a/three.ts']]);
  });
});
