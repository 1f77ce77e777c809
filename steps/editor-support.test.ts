import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPUTED_PATTERNS } from './support/computed-patterns.ts';

const root = join(import.meta.dirname, '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const settings = json('.vscode/settings.json') as { 'cucumber.features': string[]; 'cucumber.glue': string[]; 'cucumber.parameterTypes': Array<{ name: string; regexp: string }> };

/** A glob as the extension reads it, relative to the workspace: `**` any folders, `*` any name part, `{a,b}` either. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else if (c === '{') pattern += '(?:';
    else if (c === '}') pattern += ')';
    else if (c === ',' && pattern.includes('(?:')) pattern += '|';
    else pattern += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

function filesUnder(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

const matchedBy = (globs: readonly string[]) => (file: string) => globs.some((glob) => globToRegExp(glob).test(file));

/**
 * The official Cucumber extension for VS Code (and the Cucumber language server under it) reads
 * step definitions and parameter types from the files its `cucumber.glue` globs find, without
 * running them; its defaults do not look in steps/. These tests keep .vscode/settings.json finding
 * every step file Cucumber loads and every feature, and repeating the parameter types whose
 * pattern is built in code, which a reader that does not run the code cannot see.
 */
describe('editor support (.vscode/settings.json)', () => {
  it('reads globs as the extension does', () => {
    expect(globToRegExp('steps/**/*.ts').test('steps/support/world.ts')).toBe(true);
    expect(globToRegExp('steps/**/*.ts').test('steps/mailbox.steps.ts')).toBe(true);
    expect(globToRegExp('steps/**/*.ts').test('src/steps/x.ts')).toBe(false);
    expect(globToRegExp('features/**/*.feature').test('features/faq/q01.feature')).toBe(true);
    expect(globToRegExp('features/*.{feature,md}').test('features/STEPS.md')).toBe(true);
  });

  it('finds every step file and support file Cucumber loads', () => {
    // cucumber.mjs imports steps/**/!(*.test).ts: every TypeScript file under steps/ but the unit tests.
    const loaded = filesUnder('steps').filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((file) => !matchedBy(settings['cucumber.glue'])(file))).toEqual([]);
    expect(readFileSync(join(root, 'cucumber.mjs'), 'utf8')).toContain("'steps/**/!(*.test).ts'");
  });

  it('finds every feature file', () => {
    const features = filesUnder('features').filter((file) => file.endsWith('.feature'));
    expect(features.length).toBeGreaterThan(20);
    expect(features.filter((file) => !matchedBy(settings['cucumber.features'])(file))).toEqual([]);
  });

  it('repeats every parameter type whose pattern is built in code, with the same pattern', () => {
    const source = readFileSync(join(root, 'steps/support/parameter-types.ts'), 'utf8');
    // defineParameterType({ name: 'x', regexp: SOMETHING }): a literal /…/ the language server reads itself.
    const computed = [...source.matchAll(/name: '([^']+)',\s*regexp: (?!\/)/g)].map((m) => m[1]!);
    expect(computed.sort()).toEqual(Object.keys(COMPUTED_PATTERNS).sort());
    expect(settings['cucumber.parameterTypes']).toEqual(Object.entries(COMPUTED_PATTERNS).map(([name, regexp]) => ({ name, regexp: regexp.source })));
  });

  it('recommends the official Cucumber extension', () => {
    expect(json('.vscode/extensions.json')).toEqual({ recommendations: ['CucumberOpen.cucumber-official'] });
  });
});
