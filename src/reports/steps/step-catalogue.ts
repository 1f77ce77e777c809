import type { Envelope, GherkinDocument, StepDefinition } from '@cucumber/messages';
import { closestSteps, type Suggestion } from './closest-steps.ts';
import { findDefinition, fileIntro } from './step-source.ts';
import type { StepDocs } from './step-docs.ts';
import { describeParameterTypes, parametersOf, type ParameterTypeEntry } from './parameter-types.ts';

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

export interface CatalogueGroup {
  /** The step file, e.g. steps/mailbox.steps.ts. */
  readonly uri: string;
  /** The concept, from the file name: "Mailbox". */
  readonly title: string;
  readonly intro?: string;
  readonly steps: readonly CatalogueStep[];
}

export interface UndefinedStep {
  readonly keyword: string;
  readonly text: string;
  readonly uri: string;
  readonly line: number;
  readonly suggestions: readonly Suggestion[];
}

export interface StepCatalogue {
  readonly intro: string;
  readonly parameterTypes: readonly ParameterTypeEntry[];
  readonly groups: readonly CatalogueGroup[];
  readonly undefinedSteps: readonly UndefinedStep[];
}

export interface CatalogueSources {
  /** The text of a project file by its path relative to the project, e.g. a step file. */
  readFile(uri: string): string;
  readonly docs: StepDocs;
}

const ACRONYMS: Readonly<Record<string, string>> = { crm: 'CRM', imap: 'IMAP', smtp: 'SMTP', email: 'e-mail', faq: 'FAQ' };

/** "steps/crm-items.steps.ts" → "CRM items". */
export function titleOf(uri: string): string {
  const words = uri.split('/').at(-1)!.replace(/\.steps\.[cm]?[jt]s$|\.[cm]?[jt]s$/, '').split(/[-_ ]+/).map((w) => ACRONYMS[w.toLowerCase()] ?? w);
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
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
 * The step library as Cucumber sees it after a dry run: every step definition grouped by its
 * file, with parameters, description and a first example from the features, and every feature
 * step that matches no definition with the closest definitions.
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
  const seenUndefined = new Set<string>();
  const expressions = definitions.map((d) => ({ source: d.pattern.source, type: d.pattern.type }));
  const ordered = [...pickles].sort((a, b) => a.uri.localeCompare(b.uri));
  for (const pickle of ordered) {
    const testCase = testCases.get(pickle.id);
    for (const step of pickle.steps) {
      const testStep = testCase?.testSteps.find((t) => t.pickleStepId === step.id);
      const where = written.get(step.astNodeIds[0] ?? '') ?? { keyword: '*', uri: pickle.uri, line: 0 };
      const ids = testStep?.stepDefinitionIds ?? [];
      if (ids.length === 0 && testStep) {
        const key = `${where.uri}:${where.line}:${step.text}`;
        if (!seenUndefined.has(key)) {
          seenUndefined.add(key);
          undefinedSteps.push({ ...where, text: step.text, suggestions: closestSteps(step.text, expressions) });
        }
      }
      for (const id of ids) if (!examples.has(id)) examples.set(id, { ...where, text: step.text });
    }
  }

  const byFile = new Map<string, StepDefinition[]>();
  for (const definition of definitions) {
    const uri = definition.sourceReference.uri ?? 'unknown';
    byFile.set(uri, [...(byFile.get(uri) ?? []), definition]);
  }
  const groups = [...byFile.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([uri, fileDefinitions]): CatalogueGroup => {
      const text = sources.readFile(uri);
      const steps = fileDefinitions
        .map((definition): CatalogueStep => {
          const expression = definition.pattern.source;
          const found = findDefinition(text, expression, definition.sourceReference.location?.line ?? 1);
          const description = found?.description ?? sources.docs.descriptions.get(expression);
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
        })
        .sort((a, b) => a.line - b.line);
      const intro = fileIntro(text);
      return { uri, title: titleOf(uri), ...(intro && { intro }), steps };
    });

  const custom = envelopes.flatMap((e) => (e.parameterType ? [e.parameterType] : []));
  const used = new Set(groups.flatMap((g) => g.steps.flatMap((s) => s.parameters)));
  return { intro: sources.docs.intro, parameterTypes: describeParameterTypes(custom, used), groups, undefinedSteps };
}

/** Steps a reader cannot learn from the catalogue: no description anywhere. */
export function undocumentedSteps(catalogue: StepCatalogue): CatalogueStep[] {
  return catalogue.groups.flatMap((g) => g.steps.filter((s) => !s.description));
}
