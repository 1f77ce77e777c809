import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';

/**
 * One step as Cucumber runs it (an outline's placeholders filled in): whether it sets the scene
 * (Given), acts (When) or checks (Then), its text, and the cells of its data table, if any.
 */
export interface FeatureStep {
  readonly kind: 'context' | 'action' | 'outcome' | 'unknown';
  readonly text: string;
  readonly cells: readonly (readonly string[])[];
}

/** One scenario as Cucumber runs it: an outline's row is a scenario of its own, with the row's tags. */
export interface FeatureScenario {
  readonly name: string;
  readonly line: number;
  /** Every tag that applies: the feature's, the scenario's and its examples'. */
  readonly tags: readonly string[];
  /** Whether it comes from a Scenario Outline. */
  readonly fromOutline: boolean;
  /** Its steps, the Background's first. */
  readonly steps: readonly FeatureStep[];
  /** Where Cucumber places it, `path:line` (an outline row's own line): as a run's results and shards name it. */
  readonly place: string;
}

export interface FeatureFile {
  /** The path from the project's root, with forward slashes. */
  readonly path: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly scenarios: readonly FeatureScenario[];
}

/** Parses one feature file's text as Cucumber does; a syntax error throws with the file's name. */
export function parseFeature(path: string, text: string): FeatureFile {
  const newId = IdGenerator.incrementing();
  let document;
  try {
    document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(text);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const feature = document.feature;
  if (!feature) throw new Error(`${path} holds no feature`);
  const outlineLines = new Set<number>();
  const scenarioLines = new Map<string, number>();
  const rowLines = new Map<string, number>();
  const visit = (children: typeof feature.children): void => {
    for (const child of children) {
      if (child.scenario) {
        scenarioLines.set(child.scenario.id, child.scenario.location.line);
        if (child.scenario.examples.length > 0) outlineLines.add(child.scenario.location.line);
        for (const examples of child.scenario.examples) for (const row of examples.tableBody) rowLines.set(row.id, row.location.line);
      }
      if (child.rule) visit(child.rule.children);
    }
  };
  visit(feature.children);
  const pickles = compile(document, path, newId);
  return {
    path,
    name: feature.name,
    description: feature.description,
    tags: feature.tags.map((t) => t.name),
    scenarios: pickles.map((pickle) => {
      const line = scenarioLines.get(pickle.astNodeIds[0] ?? '') ?? 0;
      const steps = pickle.steps.map((step): FeatureStep => ({
        kind: step.type === 'Context' ? 'context' : step.type === 'Action' ? 'action' : step.type === 'Outcome' ? 'outcome' : 'unknown',
        text: step.text,
        cells: step.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)) ?? [],
      }));
      const placeLine = rowLines.get(pickle.astNodeIds[1] ?? '') ?? line;
      return { name: pickle.name, line, tags: pickle.tags.map((t) => t.name), fromOutline: outlineLines.has(line), steps, place: `${path}:${placeLine}` };
    }),
  };
}

/** The path from the project's root (forward slashes) of every `*.feature` under a folder of it, sorted. */
export function featurePaths(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.feature')) found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(join(root, folder));
  return found.sort();
}

/** Every `*.feature` under a folder of the project, sorted by path. */
export function readFeatureFiles(root: string, folder: string): FeatureFile[] {
  return featurePaths(root, folder).map((path) => parseFeature(path, readFileSync(join(root, path), 'utf8')));
}
