import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFeatureFiles } from './feature-files.ts';
import { readFeatureFilesKept } from './kept-feature-files.ts';

const made: string[] = [];
afterEach(async () => {
  for (const folder of made.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function project(withModules: boolean): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kept-features-'));
  made.push(root);
  await mkdir(join(root, 'features', 'faq'), { recursive: true });
  if (withModules) await mkdir(join(root, 'node_modules'));
  await writeFile(join(root, 'features', 'faq', 'q1.feature'), 'Feature: One\n  Scenario: First\n    Given a step\n');
  await writeFile(join(root, 'features', 'two.feature'), 'Feature: Two\n  Scenario Outline: <n>\n    Given <n>\n    Examples:\n      | n |\n      | a |\n      | b |\n');
  return root;
}

const cacheOf = (root: string) => join(root, 'node_modules', '.cache', 'feature-files.json');

describe('feature files kept between runs', () => {
  it('answers as parsing every file does, and keeps each parse', async () => {
    const root = await project(true);
    expect(readFeatureFilesKept(root, 'features')).toEqual(readFeatureFiles(root, 'features'));
    const kept = JSON.parse(await readFile(cacheOf(root), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(kept.files)).toEqual(['features/faq/q1.feature', 'features/two.feature']);
  });

  it('reads a file it has kept instead of parsing it, and parses a file whose text changed', async () => {
    const root = await project(true);
    readFeatureFilesKept(root, 'features');
    // Marked in the cache only: a kept parse that is used shows the mark.
    const kept = JSON.parse(await readFile(cacheOf(root), 'utf8')) as { files: Record<string, { feature: { name: string } }> };
    kept.files['features/two.feature']!.feature.name = 'Two (kept)';
    kept.files['features/faq/q1.feature']!.feature.name = 'One (kept)';
    await writeFile(cacheOf(root), JSON.stringify(kept));
    await writeFile(join(root, 'features', 'faq', 'q1.feature'), 'Feature: One, edited\n  Scenario: First\n    Given a step\n');
    expect(readFeatureFilesKept(root, 'features').map((f) => f.name)).toEqual(['One, edited', 'Two (kept)']);
  });

  it('drops files that are gone and parses new ones', async () => {
    const root = await project(true);
    readFeatureFilesKept(root, 'features');
    await rm(join(root, 'features', 'two.feature'));
    await writeFile(join(root, 'features', 'three.feature'), 'Feature: Three\n  Scenario: Third\n    Given x\n');
    expect(readFeatureFilesKept(root, 'features').map((f) => f.path)).toEqual(['features/faq/q1.feature', 'features/three.feature']);
    const kept = JSON.parse(await readFile(cacheOf(root), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(kept.files).sort()).toEqual(['features/faq/q1.feature', 'features/three.feature']);
  });

  it('parses everything again when the cache was written by another parser or is damaged', async () => {
    const root = await project(true);
    readFeatureFilesKept(root, 'features');
    const kept = JSON.parse(await readFile(cacheOf(root), 'utf8')) as { parser: string; files: Record<string, { feature: { name: string } }> };
    kept.files['features/two.feature']!.feature.name = 'stale';
    await writeFile(cacheOf(root), JSON.stringify({ ...kept, parser: 'an older parser' }));
    expect(readFeatureFilesKept(root, 'features').map((f) => f.name)).toEqual(['One', 'Two']);
    await writeFile(cacheOf(root), '{"parser": ');
    expect(readFeatureFilesKept(root, 'features')).toEqual(readFeatureFiles(root, 'features'));
  });

  it('keeps nothing for a folder without node_modules', async () => {
    const root = await project(false);
    expect(readFeatureFilesKept(root, 'features')).toEqual(readFeatureFiles(root, 'features'));
    expect(existsSync(join(root, 'node_modules'))).toBe(false);
  });
});
