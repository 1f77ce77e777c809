import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAQ_ANSWERS, FAQ_ANSWERS_PL, FAQ_QUESTIONS } from '../faq-questions.ts';
import { readFeatureFiles, type FeatureFile, type FeatureStep } from './feature-files.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const features = readFeatureFiles(root, 'features');

/**
 * The Polish interface names of settings, fields, folders and buttons, as the FAQ (the seed article
 * "E-maile w CRM: najczęstsze pytania") writes them: a Polish answer quotes only these.
 */
const SEED_INTERFACE_NAMES = [
  'Przenieś spam do folderu', 'Odebrane', 'Spam', 'Zapisz do CRM', 'Zmień deal', 'Użytkownik może edytować ustawienia',
  'Uprawnienia dostępu do CRM', 'Klient', 'E-mail', 'Dodaj nowy adres', 'Zezwalaj na wysyłanie wiadomości e-mail na dowolne adresy',
  'Włącz tryb powtarzania sprzedaży', 'Włącz starszy tryb tworzenia leadu', 'Zastosuj',
];

const featureOf = (id: string): FeatureFile | undefined => features.find((f) => f.path.startsWith('features/faq/') && f.tags.includes(`@${id}`));
const stepsOf = (feature: FeatureFile | undefined): FeatureStep[] => (feature?.scenarios ?? []).flatMap((s) => s.steps);
const wordsOf = (step: FeatureStep): string => [step.text, ...step.cells.flat()].join(' | ');

/** The names an English answer puts in quotes ("Save to CRM"), and a Polish one in „…”. */
const quoted = (answer: string): string[] => [...answer.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
const quotedPl = (answer: string): string[] => [...answer.matchAll(/„([^”]+)”/g)].map((m) => m[1]!);

/**
 * Which quoted names are settings: those a step of any feature names as one, as a CRM setting
 * (`the CRM setting "…"`) or as a row of a mailbox's settings table (`… has these settings:`).
 */
function settingNamesIn(step: FeatureStep): string[] {
  const crm = [...step.text.matchAll(/the CRM setting "([^"]+)"/g)].map((m) => m[1]!);
  const oneMailboxSetting = [...step.text.matchAll(/sets "([^"]+)" of the mailbox/g)].map((m) => m[1]!);
  const mailbox = /has these settings:$/.test(step.text) ? step.cells.map((row) => row[0] ?? '') : [];
  return [...crm, ...oneMailboxSetting, ...mailbox];
}
const SETTINGS = new Set(features.flatMap((f) => f.scenarios.flatMap((s) => s.steps.flatMap(settingNamesIn))));

/** A step that changes the setting, rather than checking it: a Given or When that names it. */
const changes = (step: FeatureStep, setting: string): boolean => step.kind !== 'outcome' && settingNamesIn(step).includes(setting);

describe('the answers of the FAQ page (src/reports/faq-questions.ts)', () => {
  it('has an English and a Polish answer for every question, under the same keys', () => {
    const ids = FAQ_QUESTIONS.map((q) => q.id);
    expect(Object.keys(FAQ_ANSWERS)).toEqual(ids);
    expect(Object.keys(FAQ_ANSWERS_PL)).toEqual(Object.keys(FAQ_ANSWERS));
    for (const id of ids) expect(FAQ_ANSWERS_PL[id]?.trim(), id).not.toBe('');
  });

  it('knows the settings the features change', () => {
    expect(SETTINGS).toContain('Move spam to folder');
    expect(SETTINGS).toContain('Enable repeat sales mode');
  });

  describe.each(FAQ_QUESTIONS.map((q) => [q.id, q.answer ?? ''] as const))('%s', (id, answer) => {
    const steps = stepsOf(featureOf(id));

    // A button, field or setting the answer names is one the question's scenarios use.
    it.each(quoted(answer).map((name) => [name]))('names "%s", which a scenario of the question uses', (name) => {
      expect(steps.some((step) => wordsOf(step).includes(name)), `No step of ${featureOf(id)?.path} names "${name}"`).toBe(true);
    });

    // An answer that tells the reader to change a setting is backed by a scenario that changes it.
    it.each(quoted(answer).filter((name) => SETTINGS.has(name)).map((name) => [name]))('names the setting "%s", which a scenario of the question changes', (name) => {
      expect(steps.some((step) => changes(step, name)), `No Given or When of ${featureOf(id)?.path} changes "${name}"`).toBe(true);
    });

    it('in Polish, names settings and buttons as the FAQ does', () => {
      const polish = FAQ_ANSWERS_PL[id] ?? '';
      for (const name of quotedPl(polish)) expect(SEED_INTERFACE_NAMES, `„${name}” is not a name the FAQ uses`).toContain(name);
      expect(quoted(polish), 'Polish quotes are „…”').toEqual([]);
      // Every setting the English answer names, the Polish one names too.
      expect(quotedPl(polish).length).toBeGreaterThanOrEqual(quoted(answer).filter((name) => SETTINGS.has(name)).length);
    });
  });

  it('reads quotes in both languages', () => {
    expect(quoted('turn off "A b" and "C"')).toEqual(['A b', 'C']);
    expect(quotedPl('odznacz „A b” i „C”')).toEqual(['A b', 'C']);
    expect(settingNamesIn({ kind: 'context', text: 'the mailbox "x" has these settings:', cells: [['Move spam to folder', 'INBOX']] })).toEqual(['Move spam to folder']);
    expect(settingNamesIn({ kind: 'action', text: '"Anna" sets "Move spam to folder" of the mailbox "x" to "Spam"', cells: [] })).toEqual(['Move spam to folder']);
    expect(changes({ kind: 'outcome', text: 'the CRM setting "S" is on now', cells: [] }, 'S')).toBe(false);
    expect(changes({ kind: 'action', text: '"Adam" sets the CRM setting "S" to "off"', cells: [] }, 'S')).toBe(true);
  });
});
