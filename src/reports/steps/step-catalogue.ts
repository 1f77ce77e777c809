import type { Envelope, GherkinDocument } from '@cucumber/messages';
import { closestSteps, type Suggestion } from './closest-steps.ts';
import { findDefinition, parameterTypeComment } from './step-source.ts';
import type { StepDocs } from './step-docs.ts';
import { describeParameterTypes, parametersOf, type ParameterTypeEntry } from './parameter-types.ts';
import { compareInSection, STEP_TASKS, taskOf, type StepTaskId } from './step-tasks.ts';

export interface StepExample {
  readonly keyword: string;
  readonly text: string;
  readonly uri: string;
  readonly line: number;
}

export interface CatalogueStep {
  readonly keyword: string;
  readonly expression: string;
  readonly uri: string;
  readonly line: number;
  readonly parameters: readonly string[];
  readonly description?: string;
  /** The first use of the step in the feature files, in file order. */
  readonly example?: StepExample;
}

/** A section of the catalogue: a task of a scenario writer (step-tasks.ts). */
export interface CatalogueGroup {
  readonly id: StepTaskId;
  /** "Set up the CRM". */
  readonly title: string;
  readonly intro: string;
  readonly steps: readonly CatalogueStep[];
}

export interface UndefinedStep {
  readonly keyword: string;
  readonly text: string;
  readonly uri: string;
  readonly line: number;
  readonly suggestions: readonly Suggestion[];
}

/** A feature step that more than one definition matches: Cucumber cannot run it. */
export interface AmbiguousStep {
  readonly keyword: string;
  readonly text: string;
  readonly uri: string;
  readonly line: number;
  /** The expressions that match it. */
  readonly matches: readonly string[];
}

export interface StepCatalogue {
  readonly intro: string;
  readonly parameterTypes: readonly ParameterTypeEntry[];
  readonly groups: readonly CatalogueGroup[];
  readonly undefinedSteps: readonly UndefinedStep[];
  readonly ambiguousSteps: readonly AmbiguousStep[];
}

export interface CatalogueSources {
  /** The text of a project file by its path relative to the project, e.g. a step file. */
  readFile(uri: string): string;
  readonly docs: StepDocs;
}

/** Where each step of each feature file is written, and with which keyword. */
function gherkinSteps(documents: readonly GherkinDocument[]): Map<string, { keyword: string; uri: string; line: number }> {
  const steps = new Map<string, { keyword: string; uri: string; line: number }>();
  for (const document of documents) {
    const uri = document.uri ?? '';
    const visit = (children: readonly { background?: { steps: readonly { id: string; keyword: string; location: { line: number } }[] }; scenario?: { steps: readonly { id: string; keyword: string; location: { line: number } }[] }; rule?: { children: readonly unknown[] } }[]) => {
      for (const child of children) {
        for (const step of [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])]) {
          steps.set(step.id, { keyword: step.keyword.trim(), uri, line: step.location.line });
        }
        if (child.rule) visit(child.rule.children as typeof children);
      }
    };
    visit(document.feature?.children ?? []);
  }
  return steps;
}

/**
 * The step library as Cucumber sees it after a dry run: every step definition in the section of
 * its task, with parameters, description (the comment above it) and a first example from the
 * features; every feature step that matches no definition, with the closest definitions; and
 * every one that matches several.
 */
export function buildStepCatalogue(envelopes: readonly Envelope[], sources: CatalogueSources): StepCatalogue {
  const definitions = envelopes.flatMap((e) => (e.stepDefinition ? [e.stepDefinition] : []));
  const documents = envelopes.flatMap((e) => (e.gherkinDocument ? [e.gherkinDocument] : []));
  const pickles = envelopes.flatMap((e) => (e.pickle ? [e.pickle] : []));
  const testCases = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.pickleId, e.testCase] as const] : [])));
  const written = gherkinSteps(documents);

  // First use of each definition, visiting features in path order and steps in file order.
  const examples = new Map<string, StepExample>();
  const undefinedSteps: UndefinedStep[] = [];
  const ambiguousSteps: AmbiguousStep[] = [];
  const seenUndefined = new Set<string>();
  const expressionOf = new Map(definitions.map((d) => [d.id, d.pattern.source]));
  const expressions = definitions.map((d) => ({ source: d.pattern.source, type: d.pattern.type }));
  const ordered = [...pickles].sort((a, b) => a.uri.localeCompare(b.uri));
  for (const pickle of ordered) {
    const testCase = testCases.get(pickle.id);
    for (const step of pickle.steps) {
      const testStep = testCase?.testSteps.find((t) => t.pickleStepId === step.id);
      const where = written.get(step.astNodeIds[0] ?? '') ?? { keyword: '*', uri: pickle.uri, line: 0 };
      const ids = testStep?.stepDefinitionIds ?? [];
      const key = `${where.uri}:${where.line}:${step.text}`;
      if (ids.length !== 1 && testStep && !seenUndefined.has(key)) {
        seenUndefined.add(key);
        if (ids.length === 0) undefinedSteps.push({ ...where, text: step.text, suggestions: closestSteps(step.text, expressions) });
        else ambiguousSteps.push({ ...where, text: step.text, matches: ids.map((id) => expressionOf.get(id) ?? id) });
      }
      for (const id of ids) if (!examples.has(id)) examples.set(id, { ...where, text: step.text });
    }
  }

  const steps = definitions.map((definition): CatalogueStep => {
    const uri = definition.sourceReference.uri ?? 'unknown';
    const expression = definition.pattern.source;
    const found = findDefinition(sources.readFile(uri), expression, definition.sourceReference.location?.line ?? 1);
    const description = found?.description;
    const example = examples.get(definition.id);
    return {
      keyword: found?.keyword ?? 'Step',
      expression,
      uri,
      line: found?.line ?? definition.sourceReference.location?.line ?? 0,
      parameters: parametersOf(definition.pattern),
      ...(description && { description }),
      ...(example && { example }),
    };
  });
  const groups = STEP_TASKS.map((task): CatalogueGroup => ({
    id: task.id,
    title: task.title,
    intro: task.intro,
    steps: steps
      .filter((step) => taskOf(step) === task.id)
      .sort(compareInSection),
  }));

  const custom = envelopes.flatMap((e) => (e.parameterType ? [e.parameterType] : []));
  const used = new Set(steps.flatMap((s) => s.parameters));
  const meaning = (name: string, uri: string | undefined) => (uri ? parameterTypeComment(sources.readFile(uri), name) : undefined);
  return { intro: sources.docs.intro, parameterTypes: describeParameterTypes(custom, used, meaning), groups, undefinedSteps, ambiguousSteps };
}

/** Steps a reader cannot learn from the catalogue: no description anywhere. */
export function undocumentedSteps(catalogue: StepCatalogue): CatalogueStep[] {
  return catalogue.groups.flatMap((g) => g.steps.filter((s) => !s.description));
}
