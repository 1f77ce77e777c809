import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadStepLibrary } from './load-step-library.ts';
import { renderStepCatalogueMarkdown, renderStepCatalogueText } from './render-step-catalogue.ts';
import { REFUSALS, unknownRefusalCodes } from './rules-of-thumb.ts';
import { buildStepCatalogue, undocumentedSteps, type StepCatalogue } from './step-catalogue.ts';
import { readStepDocs, stepRowsIn } from './step-docs.ts';
import { TASK_OF_STEP } from './step-tasks.ts';

export const CATALOGUE_FILE = 'features/STEPS.md';
export const STEP_DOCS_FILE = 'docs/steps.md';

const USAGE = 'Usage: npm run steps [-- --write | --check [feature files]]\n';

export async function loadStepCatalogue(cwd: string, featurePaths: readonly string[] = []): Promise<StepCatalogue> {
  const envelopes = await loadStepLibrary(cwd, featurePaths);
  const docs = readStepDocs(await readFile(join(cwd, STEP_DOCS_FILE), 'utf8'));
  return buildStepCatalogue(envelopes, { readFile: (uri) => readFileSync(join(cwd, uri), 'utf8'), docs });
}

/** Feature steps that match no definition or several, with what they could be; empty when all is well. */
export function featureStepProblems(catalogue: StepCatalogue): string[] {
  return [
    ...catalogue.undefinedSteps.map((step) => [
      `${step.uri}:${step.line}: no step matches "${step.keyword} ${step.text}". Closest existing steps:`,
      ...step.suggestions.map((s) => `    ${s.expression}`),
    ].join('\n')),
    ...catalogue.ambiguousSteps.map((step) => [
      `${step.uri}:${step.line}: more than one step matches "${step.keyword} ${step.text}":`,
      ...step.matches.map((m) => `    ${m}`),
    ].join('\n')),
  ];
}

/** What keeps the catalogue whole: described steps, one place for descriptions, rules of thumb that name what exists. */
async function catalogueProblems(cwd: string, catalogue: StepCatalogue, markdown: string): Promise<string[]> {
  const problems: string[] = [];
  const committed = await readFile(join(cwd, CATALOGUE_FILE), 'utf8').catch(() => '');
  if (committed !== markdown) problems.push(`${CATALOGUE_FILE} is not current: run \`npm run steps -- --write\` and commit it.`);
  for (const step of undocumentedSteps(catalogue)) {
    problems.push(`The step "${step.expression}" (${step.uri}) has no description: write a comment directly above its definition.`);
  }
  for (const expression of stepRowsIn(await readFile(join(cwd, STEP_DOCS_FILE), 'utf8'))) {
    problems.push(`${STEP_DOCS_FILE} describes the step "${expression}": write that as a comment above its definition; the page holds only the introduction.`);
  }
  const expressions = new Set(catalogue.groups.flatMap((g) => g.steps.map((s) => s.expression)));
  for (const expression of [...Object.keys(TASK_OF_STEP), ...REFUSALS.map((r) => r.step)]) {
    if (!expressions.has(expression)) problems.push(`src/reports/steps names the step "${expression}", which does not exist.`);
  }
  for (const refusal of unknownRefusalCodes()) problems.push(`The rules of thumb name the refusal ${refusal}, which the CRM does not have.`);
  return problems;
}

/**
 * `npm run steps`: lists the step library. `--write` regenerates features/STEPS.md. `--check`
 * with feature files names their steps that match no definition or several, with the closest
 * steps (before a commit); without, it checks every feature and that the catalogue is current
 * and complete (the test suite runs it).
 */
export async function runStepsCommand(args: readonly string[], cwd: string, out: (text: string) => void): Promise<number> {
  const options = args.filter((a) => a.startsWith('-'));
  const files = args.filter((a) => !a.startsWith('-'));
  const unknown = options.filter((a) => a !== '--write' && a !== '--check');
  if (unknown.length || (files.length > 0 && !options.includes('--check'))) {
    out(`${unknown.length ? `Unknown option ${unknown.join(' ')}. ` : 'Feature files go with --check. '}${USAGE}`);
    return 2;
  }
  const missing = files.filter((f) => !existsSync(resolve(cwd, f.replace(/(?::\d+)+$/, ''))));
  if (missing.length) {
    out(`No such feature file: ${missing.join(', ')}\n`);
    return 2;
  }
  const catalogue = await loadStepCatalogue(cwd, files);
  if (options.includes('--check')) {
    const stepProblems = featureStepProblems(catalogue);
    if (files.length > 0) {
      out(stepProblems.length ? `${stepProblems.join('\n')}\n` : `Every step of ${files.join(', ')} matches exactly one definition.\n`);
      return stepProblems.length ? 1 : 0;
    }
    const problems = [...stepProblems, ...(await catalogueProblems(cwd, catalogue, renderStepCatalogueMarkdown(catalogue)))];
    out(problems.length ? `${problems.join('\n')}\n` : `${CATALOGUE_FILE} is current; every step is described.\n`);
    return problems.length ? 1 : 0;
  }
  if (args.includes('--write')) {
    await writeFile(join(cwd, CATALOGUE_FILE), renderStepCatalogueMarkdown(catalogue), 'utf8');
    const count = catalogue.groups.reduce((n, g) => n + g.steps.length, 0);
    out(`Wrote ${CATALOGUE_FILE}: ${count} steps, ${undocumentedSteps(catalogue).length} without description, ${catalogue.undefinedSteps.length} feature steps without definition, ${catalogue.ambiguousSteps.length} with several.\n`);
    return 0;
  }
  out(renderStepCatalogueText(catalogue));
  return 0;
}
