import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadStepLibrary } from './load-step-library.ts';
import { renderStepCatalogueMarkdown, renderStepCatalogueText } from './render-step-catalogue.ts';
import { buildStepCatalogue, undocumentedSteps, type StepCatalogue } from './step-catalogue.ts';
import { readStepDocs } from './step-docs.ts';

export const CATALOGUE_FILE = 'features/STEPS.md';
export const STEP_DOCS_FILE = 'docs/steps.md';

export async function loadStepCatalogue(cwd: string): Promise<StepCatalogue> {
  const envelopes = await loadStepLibrary(cwd);
  const docs = readStepDocs(await readFile(join(cwd, STEP_DOCS_FILE), 'utf8'));
  return buildStepCatalogue(envelopes, { readFile: (uri) => readFileSync(join(cwd, uri), 'utf8'), docs });
}

/**
 * `npm run steps`: lists the step library. `--write` regenerates features/STEPS.md; `--check`
 * fails when that file is not current or a step has no description (the test suite runs it).
 */
export async function runStepsCommand(args: readonly string[], cwd: string, out: (text: string) => void): Promise<number> {
  const unknown = args.filter((a) => a !== '--write' && a !== '--check');
  if (unknown.length) {
    out(`Unknown option ${unknown.join(' ')}. Usage: npm run steps [-- --write | --check]\n`);
    return 2;
  }
  const catalogue = await loadStepCatalogue(cwd);
  const markdown = renderStepCatalogueMarkdown(catalogue);
  const undocumented = undocumentedSteps(catalogue);
  if (args.includes('--check')) {
    const problems: string[] = [];
    const committed = await readFile(join(cwd, CATALOGUE_FILE), 'utf8').catch(() => '');
    if (committed !== markdown) problems.push(`${CATALOGUE_FILE} is not current: run \`npm run steps -- --write\` and commit it.`);
    for (const step of undocumented) {
      problems.push(`The step "${step.expression}" (${step.uri}) has no description: write a comment directly above it, or a row in ${STEP_DOCS_FILE}.`);
    }
    out(problems.length ? `${problems.join('\n')}\n` : `${CATALOGUE_FILE} is current; every step is described.\n`);
    return problems.length ? 1 : 0;
  }
  if (args.includes('--write')) {
    await writeFile(join(cwd, CATALOGUE_FILE), markdown, 'utf8');
    out(`Wrote ${CATALOGUE_FILE}: ${catalogue.groups.reduce((n, g) => n + g.steps.length, 0)} steps, ${undocumented.length} without description, ${catalogue.undefinedSteps.length} feature steps without definition.\n`);
    return 0;
  }
  out(renderStepCatalogueText(catalogue));
  return 0;
}
