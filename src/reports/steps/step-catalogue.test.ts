import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { renderStepCatalogueMarkdown, renderStepCatalogueText } from './render-step-catalogue.ts';
import { buildStepCatalogue, undocumentedSteps } from './step-catalogue.ts';
import { featureStepProblems } from './steps-command.ts';
import { readStepDocs, rebaseLinks, stepRowsIn } from './step-docs.ts';
import { commentAbove, fileIntro, findDefinition, parameterTypeComment } from './step-source.ts';

const STEP_FILE = `import { Given, Then } from '@cucumber/cucumber';
import type { CrmWorld } from './support/world.ts';

// Mailboxes: connecting one and its settings.

// Adds an active employee with that name.
Given('the employee {string}', function () {});

Given('the mailbox {string} is {mailbox-state}', function () {});

/**
 * Fails unless the CRM holds exactly that many leads.
 */
Then('the CRM has {int} lead(s)', function () {});
`;

const DOCS = `# Writing scenarios

The catalogue is [STEPS.md](../features/STEPS.md).

<!-- The catalogue's introduction starts here. -->

How to write a scenario, tagged by [the rules](faq-rules.md).

## Old step table

| step | what it does |
|---|---|
| \`the mailbox {string} is {mailbox-state}\` | Checks the mailbox's state. |
`;

/** A dry run's messages: three definitions, one feature whose steps use two of them and one matching nothing. */
function dryRun(): Envelope[] {
  const step = (id: string, keyword: string, text: string, line: number) => ({ id, keyword, text, location: { line }, keywordType: 'Context' });
  return [
    { stepDefinition: { id: 'd1', pattern: { source: 'the employee {string}', type: 'CUCUMBER_EXPRESSION' }, sourceReference: { uri: 'steps/mailbox.steps.ts', location: { line: 5 } } } },
    { stepDefinition: { id: 'd2', pattern: { source: 'the mailbox {string} is {mailbox-state}', type: 'CUCUMBER_EXPRESSION' }, sourceReference: { uri: 'steps/mailbox.steps.ts', location: { line: 7 } } } },
    { stepDefinition: { id: 'd3', pattern: { source: 'the CRM has {int} lead(s)', type: 'CUCUMBER_EXPRESSION' }, sourceReference: { uri: 'steps/mailbox.steps.ts', location: { line: 9 } } } },
    { parameterType: { id: 'pt', name: 'mailbox-state', regularExpressions: ['connected|disconnected'], preferForRegularExpressionMatch: false, useForSnippets: true, sourceReference: { uri: 'steps/support/parameter-types.ts' } } },
    { gherkinDocument: { uri: 'features/b.feature', comments: [], feature: { keyword: 'Feature', name: 'B', description: '', language: 'en', location: { line: 1 }, tags: [], children: [
      { scenario: { id: 's', keyword: 'Scenario', name: 'x', description: '', location: { line: 2 }, tags: [], examples: [], steps: [step('g1', 'Given ', 'the employee "Anna"', 3), step('g2', 'Then ', 'the CRM has 2 leadz', 4)] } },
    ] } } },
    { gherkinDocument: { uri: 'features/a.feature', comments: [], feature: { keyword: 'Feature', name: 'A', description: '', language: 'en', location: { line: 1 }, tags: [], children: [
      { scenario: { id: 's2', keyword: 'Scenario', name: 'y', description: '', location: { line: 2 }, tags: [], examples: [], steps: [step('g3', 'And ', 'the employee "Bogdan"', 7)] } },
    ] } } },
    { pickle: { id: 'p1', uri: 'features/b.feature', name: 'x', language: 'en', astNodeIds: ['s'], tags: [], steps: [{ id: 'ps1', text: 'the employee "Anna"', astNodeIds: ['g1'] }, { id: 'ps2', text: 'the CRM has 2 leadz', astNodeIds: ['g2'] }] } },
    { pickle: { id: 'p2', uri: 'features/a.feature', name: 'y', language: 'en', astNodeIds: ['s2'], tags: [], steps: [{ id: 'ps3', text: 'the employee "Bogdan"', astNodeIds: ['g3'] }] } },
    { testCase: { id: 't1', pickleId: 'p1', testRunStartedId: 'r', testSteps: [{ id: 'ts1', pickleStepId: 'ps1', stepDefinitionIds: ['d1'] }, { id: 'ts2', pickleStepId: 'ps2', stepDefinitionIds: [] }] } },
    { testCase: { id: 't2', pickleId: 'p2', testRunStartedId: 'r', testSteps: [{ id: 'ts3', pickleStepId: 'ps3', stepDefinitionIds: ['d1'] }] } },
  ] as Envelope[];
}

const PARAMETER_TYPES = "/** Whether the mailbox is connected. */\ndefineParameterType({ name: 'mailbox-state', regexp: /connected|disconnected/ });\n";
const readFile = (uri: string) => (uri.endsWith('parameter-types.ts') ? PARAMETER_TYPES : STEP_FILE);
const catalogue = () => buildStepCatalogue(dryRun(), { readFile, docs: readStepDocs(DOCS) });

describe('buildStepCatalogue', () => {
  it('puts each definition in the section of its task, Given before When before Then, with its real line and keyword', () => {
    const sections = catalogue().groups.filter((g) => g.steps.length > 0);
    expect(sections.map((g) => [g.title, g.steps.map((s) => [s.keyword, s.expression, s.line])])).toEqual([
      ['Set up the CRM', [['Given', 'the employee {string}', 7]]],
      ['Mailboxes and their settings', [['Given', 'the mailbox {string} is {mailbox-state}', 9], ['Then', 'the CRM has {int} lead(s)', 14]]],
    ]);
    expect(catalogue().groups.map((g) => g.title)).toEqual([
      'Set up the CRM', 'Mailboxes and their settings', 'Customers send mail', 'Sync and save', 'Send from a form',
      'Rights', 'Check the CRM', 'Check the mail', 'The clock', 'Faults',
    ]);
  });

  it('describes a step by the comment above its definition only', () => {
    const steps = catalogue().groups.flatMap((g) => g.steps);
    expect(steps.map((s) => s.description)).toEqual(['Adds an active employee with that name.', undefined, 'Fails unless the CRM holds exactly that many leads.']);
  });

  it('takes the first use in feature path order as the example, and flags a step without one', () => {
    const [employee, mailbox] = catalogue().groups.flatMap((g) => g.steps);
    expect(employee!.example).toEqual({ keyword: 'And', text: 'the employee "Bogdan"', uri: 'features/a.feature', line: 7 });
    expect(mailbox!.example).toBeUndefined();
    const markdown = renderStepCatalogueMarkdown(catalogue());
    expect(markdown).toContain('⚠ No example yet: no feature uses this step.');
    expect(markdown).toContain('Example ([a.feature](a.feature)): `And the employee "Bogdan"`');
  });

  it('lists parameter types with what they accept', () => {
    expect(catalogue().parameterTypes).toEqual([
      { name: '{string}', accepts: expect.stringContaining('double quotes') },
      { name: '{int}', accepts: 'a whole number, `3` or `-1`' },
      { name: '{mailbox-state}', accepts: 'one of: `connected`, `disconnected`', means: 'Whether the mailbox is connected.', definedIn: 'steps/support/parameter-types.ts' },
    ]);
  });

  it('gives each undefined feature step the closest definitions', () => {
    const [missing] = catalogue().undefinedSteps;
    expect(missing).toMatchObject({ keyword: 'Then', text: 'the CRM has 2 leadz', uri: 'features/b.feature', line: 4 });
    expect(missing!.suggestions[0]!.expression).toBe('the CRM has {int} lead(s)');
    expect(renderStepCatalogueText(catalogue())).toContain('closest: the CRM has {int} lead(s)');
    expect(renderStepCatalogueText(catalogue())).toContain('parameters: {string}, {mailbox-state}; {mailbox-state} is one of: connected, disconnected');
  });

  it('names a feature step that several definitions match, with each of them', () => {
    const envelopes = dryRun().map((e) =>
      e.testCase?.id === 't2' ? { testCase: { ...e.testCase, testSteps: [{ id: 'ts3', pickleStepId: 'ps3', stepDefinitionIds: ['d1', 'd2'] }] } } : e,
    );
    const ambiguous = buildStepCatalogue(envelopes, { readFile, docs: readStepDocs(DOCS) });
    expect(ambiguous.ambiguousSteps).toEqual([
      { keyword: 'And', text: 'the employee "Bogdan"', uri: 'features/a.feature', line: 7, matches: ['the employee {string}', 'the mailbox {string} is {mailbox-state}'] },
    ]);
    expect(featureStepProblems(ambiguous)).toEqual([
      'features/b.feature:4: no step matches "Then the CRM has 2 leadz". Closest existing steps:\n    the CRM has {int} lead(s)\n    the mailbox {string} is {mailbox-state}\n    the employee {string}',
      'features/a.feature:7: more than one step matches "And the employee "Bogdan"":\n    the employee {string}\n    the mailbox {string} is {mailbox-state}',
    ]);
  });

  it('flags a step described nowhere', () => {
    const bare = buildStepCatalogue(dryRun(), { readFile: () => STEP_FILE.replace('// Adds an active employee with that name.\n', ''), docs: readStepDocs('# Steps\n') });
    expect(undocumentedSteps(bare).map((s) => s.expression)).toEqual(['the employee {string}', 'the mailbox {string} is {mailbox-state}']);
    expect(renderStepCatalogueMarkdown(bare)).toContain('⚠ **No description.**');
  });
});

describe('step source reading', () => {
  it('finds a definition at or after the reported line, by its expression', () => {
    expect(findDefinition(STEP_FILE, 'the CRM has {int} lead(s)', 2)).toEqual({ line: 14, keyword: 'Then', description: 'Fails unless the CRM holds exactly that many leads.' });
    expect(findDefinition(STEP_FILE, 'no such step', 1)).toBeUndefined();
  });

  it('finds an expression with quotes, written on the line after the call', () => {
    const source = "When(\n  '{string} clicks \"Save\" on Anna\\'s list',\n  fn);";
    expect(findDefinition(source, `{string} clicks "Save" on Anna's list`, 1)).toEqual({ line: 2, keyword: 'When' });
  });

  it('reads only a comment directly above, not one separated by a blank line', () => {
    const lines = ['// about the file', '', '// one', '// two', 'Given(...)'];
    expect(commentAbove(lines, 4)).toBe('one two');
    expect(commentAbove(lines, 2)).toBeUndefined();
  });

  it('reads the file intro after the imports', () => {
    expect(fileIntro(STEP_FILE)).toBe('Mailboxes: connecting one and its settings.');
    expect(fileIntro("import x from 'y';\nGiven('a', f);")).toBeUndefined();
  });

  it('reads what a parameter type means from the comment above its definition', () => {
    const source = "/** Whether the mailbox is connected. */\ndefineParameterType({\n  name: 'mailbox-state',\n  regexp: /a|b/,\n});\ndefineParameterType({ name: 'bare', regexp: /x/ });";
    expect(parameterTypeComment(source, 'mailbox-state')).toBe('Whether the mailbox is connected.');
    expect(parameterTypeComment(source, 'bare')).toBeUndefined();
  });
});

describe('readStepDocs', () => {
  it('takes the introduction after the marker, with its links rewritten for features/', () => {
    expect(readStepDocs(DOCS).intro).toBe('How to write a scenario, tagged by [the rules](../docs/faq-rules.md).');
    expect(rebaseLinks('[a](../features/STEPS.md) [b](https://x.test/y) [c](#here)', 'docs', 'features')).toBe('[a](STEPS.md) [b](https://x.test/y) [c](#here)');
  });

  it('finds step descriptions left in the page, which belong above their definitions', () => {
    expect(stepRowsIn(DOCS)).toEqual(['the mailbox {string} is {mailbox-state}']);
  });
});

describe('links in the generated catalogue', () => {
  it('rebases the intro\'s links from docs/ to features/', () => {
    expect(rebaseLinks('see [rules](faq-rules.md), [x](../features/STEPS.md#top), [web](https://example.test/a.md)', 'docs', 'features'))
      .toBe('see [rules](../docs/faq-rules.md), [x](STEPS.md#top), [web](https://example.test/a.md)');
  });

  it('every relative link of features/STEPS.md names a file that exists', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const markdown = readFileSync(join(root, 'features', 'STEPS.md'), 'utf8');
    const targets = [...markdown.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(existsSync(join(root, 'features', target)), target).toBe(true);
  });
});
