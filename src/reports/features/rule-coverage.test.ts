import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeature, readFeatureFiles } from './feature-files.ts';
import { ruleIdsOf, ruleTags } from './rule-catalogue.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const catalogue = ruleIdsOf(readFileSync(join(root, 'docs/faq-rules.md'), 'utf8'));
const features = readFeatureFiles(root, 'features');

describe('the rule catalogue, docs/faq-rules.md', () => {
  it('lists the rules R1.1 to R9.2, each once', () => {
    expect(catalogue.length).toBeGreaterThan(30);
    expect(catalogue[0]).toBe('R1.1');
    expect(catalogue.at(-1)).toBe('R9.2');
    expect(new Set(catalogue).size).toBe(catalogue.length);
  });

  it('reads ids only where a rule opens', () => {
    expect(ruleIdsOf('- **R1.1** A rule.\nSee **R1.2** in text.\n- **R10.12 Named rule**: another.')).toEqual(['R1.1', 'R10.12']);
  });
});

/** Every rule of the catalogue is checked by a scenario somewhere, and every tag names a rule. */
describe('rule coverage of the features', () => {
  const tagged = new Map<string, string[]>();
  for (const feature of features) {
    for (const scenario of feature.scenarios) {
      for (const rule of ruleTags(scenario.tags)) tagged.set(rule, [...(tagged.get(rule) ?? []), `${feature.path}:${scenario.line}`]);
    }
  }

  it.each(catalogue)('%s has at least one scenario', (rule) => {
    expect(tagged.get(rule) ?? [], `No scenario is tagged @${rule}`).not.toEqual([]);
  });

  it('names no rule that the catalogue does not hold', () => {
    expect([...tagged.keys()].filter((rule) => !catalogue.includes(rule))).toEqual([]);
  });

  it('tags every scenario of features/crm with a rule', () => {
    const untagged = features
      .filter((f) => f.path.startsWith('features/crm/'))
      .flatMap((f) => f.scenarios.filter((s) => ruleTags(s.tags).length === 0).map((s) => `${f.path}:${s.line} ${s.name}`));
    expect(untagged).toEqual([]);
  });
});

describe('parseFeature', () => {
  it('gives each outline row its own scenario with the feature\'s, the outline\'s and the examples\' tags', () => {
    const parsed = parseFeature('x.feature', [
      '@Q1',
      'Feature: F',
      '  @R1.1',
      '  Scenario: plain',
      '    Given a step',
      '',
      '  @R1.2',
      '  Scenario Outline: outline <n>',
      '    Given a step <n>',
      '    @R1.3',
      '    Examples:',
      '      | n |',
      '      | 1 |',
      '      | 2 |',
    ].join('\n'));
    expect(parsed.scenarios.map(({ steps: _steps, ...scenario }) => scenario)).toEqual([
      { name: 'plain', line: 4, tags: ['@Q1', '@R1.1'], fromOutline: false, place: 'x.feature:4' },
      { name: 'outline 1', line: 8, tags: ['@Q1', '@R1.2', '@R1.3'], fromOutline: true, place: 'x.feature:13' },
      { name: 'outline 2', line: 8, tags: ['@Q1', '@R1.2', '@R1.3'], fromOutline: true, place: 'x.feature:14' },
    ]);
    expect(parsed.scenarios.map((s) => s.steps)).toEqual([
      [{ kind: 'context', text: 'a step', cells: [] }],
      [{ kind: 'context', text: 'a step 1', cells: [] }],
      [{ kind: 'context', text: 'a step 2', cells: [] }],
    ]);
  });

  it('gives each step its kind (an And takes the kind before it), its text and its data table', () => {
    const parsed = parseFeature('x.feature', [
      'Feature: F',
      '  Background:',
      '    Given a mailbox with these settings:',
      '      | Integration with CRM | off |',
      '  Scenario: s',
      '    When it acts',
      '    Then it holds',
      '    And it still holds',
    ].join('\n'));
    expect(parsed.scenarios[0]?.steps).toEqual([
      { kind: 'context', text: 'a mailbox with these settings:', cells: [['Integration with CRM', 'off']] },
      { kind: 'action', text: 'it acts', cells: [] },
      { kind: 'outcome', text: 'it holds', cells: [] },
      { kind: 'outcome', text: 'it still holds', cells: [] },
    ]);
  });

  it('names the file of a syntax error', () => {
    expect(() => parseFeature('broken.feature', '  Given a step before any feature\nFeature: F\n')).toThrow(/^broken\.feature: Parser errors/);
  });
});
