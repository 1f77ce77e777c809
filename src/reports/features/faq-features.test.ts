import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAQ_QUESTIONS } from '../faq-questions.ts';
import { readFeatureFiles } from './feature-files.ts';
import { ruleIdsOf, ruleTags } from './rule-catalogue.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const features = readFeatureFiles(root, 'features/faq');
const rules = new Set(ruleIdsOf(readFileSync(join(root, 'docs/faq-rules.md'), 'utf8')));

/**
 * features/faq is the FAQ itself: one file per question, opening with the question in the seed's
 * Polish wording and in English, its problem, cause and fix as scenarios, every scenario tagged
 * with its question and the rules it checks (docs/faq-rules.md, section 10).
 */
describe('features/faq', () => {
  it('holds one feature per question, Q0 to Q11, in the FAQ\'s order', () => {
    expect(features.map((f) => f.tags.filter((t) => /^@Q\d+$/.test(t)))).toEqual(FAQ_QUESTIONS.map((q) => [`@${q.id}`]));
    for (const [index, feature] of features.entries()) expect(feature.path).toMatch(new RegExp(`^features/faq/q${String(index).padStart(2, '0')}-[a-z0-9-]+\\.feature$`));
  });

  describe.each(FAQ_QUESTIONS.map((q, index) => [q.id, q, features[index]] as const))('%s', (id, question, feature) => {
    it('opens with the question in Polish and in English', () => {
      expect(feature?.name).toBe(`${id} ${question.english}`);
      const lines = (feature?.description ?? '').split('\n').map((line) => line.trim());
      expect(lines.slice(0, 2)).toEqual([`FAQ (pl): "${question.polish}"`, `FAQ (en): "${question.english}"`]);
    });

    // The FAQ page lists scenarios by name: each row of an outline names its case.
    it('names every scenario differently, outline rows included', () => {
      const names = (feature?.scenarios ?? []).map((s) => s.name);
      expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    });

    it('tags every scenario with its question and at least one rule of the catalogue', () => {
      for (const scenario of feature?.scenarios ?? []) {
        const where = `${feature?.path}:${scenario.line} ${scenario.name}`;
        expect(scenario.tags, where).toContain(`@${id}`);
        expect(ruleTags(scenario.tags).length, `${where} names no rule (@R…)`).toBeGreaterThan(0);
        for (const rule of ruleTags(scenario.tags)) expect(rules.has(rule), `${where}: @${rule} is not in docs/faq-rules.md`).toBe(true);
      }
    });
  });

  // Q0 is the article's introduction: it describes what the CRM does, and has no problem to fix.
  it.each(FAQ_QUESTIONS.slice(1).map((q, index) => [q.id, features[index + 1]] as const))('%s shows the problem, its cause and its fix as scenarios', (_id, feature) => {
    for (const kind of ['@problem', '@cause', '@fix']) {
      expect(feature?.scenarios.some((s) => s.tags.includes(kind)), `${feature?.path} has no ${kind} scenario`).toBe(true);
    }
  });

  // Rules whose FAQ answer has cases are written as Scenario Outlines, one row per case.
  it.each([
    ['R1.2', 'the spam folder, Trash and Drafts'],
    ['R2.7', 'Lead, Contact or off for a new address'],
    ['R6.1', 'the access levels'],
    ['R8.3', 'the forms an address is written in'],
    ['R2.3', 'the CRM settings for a returning client'],
    ['R2.4', 'the CRM settings for a returning client'],
    ['R2.5', 'the CRM settings for a returning client'],
    ['R2.1', 'the CRM settings for a client with an active deal'],
  ])('%s has a Scenario Outline over %s', (rule) => {
    const outlined = features.flatMap((f) => f.scenarios).filter((s) => s.fromOutline && s.tags.includes(`@${rule}`));
    expect(outlined.length).toBeGreaterThan(0);
  });
});
