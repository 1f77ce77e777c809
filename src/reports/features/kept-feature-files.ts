import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { featurePaths, parseFeature, type FeatureFile } from './feature-files.ts';

interface Kept {
  /** What parsed them: this module's parser and Gherkin's version; another parser, another cache. */
  readonly parser: string;
  readonly files: Record<string, { readonly digest: string; readonly feature: FeatureFile }>;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

let parserDigest: string | undefined;
/** feature-files.ts as it is now, and Gherkin's version: a change to either parses every file again. */
function parser(): string {
  const gherkin = (createRequire(import.meta.url)('@cucumber/gherkin/package.json') as { version: string }).version;
  return (parserDigest ??= sha256(`${gherkin}\0${readFileSync(new URL('./feature-files.ts', import.meta.url))}`));
}

function readKept(file: string, expected: string): Kept['files'] {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Kept;
    return kept.parser === expected && kept.files && typeof kept.files === 'object' ? kept.files : {};
  } catch {
    return {};
  }
}

/**
 * The project's feature files, as readFeatureFiles gives them, with each file's parse kept in
 * node_modules/.cache/feature-files.json under a digest of its text. Every run reads the whole
 * suite to tell which scenarios it did not run; parsing all of it cost a one-scenario run about a
 * tenth of a second, reading it back costs a few milliseconds. A project without node_modules (a
 * test's folder) is parsed as it is; a cache that cannot be written only costs the next run a parse.
 */
export function readFeatureFilesKept(root: string, folder: string): FeatureFile[] {
  const modules = join(root, 'node_modules');
  const paths = featurePaths(root, folder);
  const texts = paths.map((path) => readFileSync(join(root, path), 'utf8'));
  if (!existsSync(modules)) return paths.map((path, i) => parseFeature(path, texts[i]!));
  const file = join(modules, '.cache', 'feature-files.json');
  const expected = parser();
  const kept = readKept(file, expected);
  let changed = Object.keys(kept).length !== paths.length;
  const files: Kept['files'] = {};
  const features = paths.map((path, i) => {
    const digest = sha256(texts[i]!);
    const known = kept[path];
    if (known?.digest === digest) {
      files[path] = known;
      return known.feature;
    }
    changed = true;
    const feature = parseFeature(path, texts[i]!);
    files[path] = { digest, feature };
    return feature;
  });
  if (changed) {
    try {
      mkdirSync(join(modules, '.cache'), { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify({ parser: expected, files } satisfies Kept));
      renameSync(partial, file);
    } catch {
      // Not kept: parsed again next time.
    }
  }
  return features;
}
