import type { ScenarioStatus } from '../run/run-model.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "10:15:00", with the full instant in the datetime attribute. */
export const timeHtml = (iso: string): string => `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.slice(11, 19))}</time>`;

/** Every status is shown as a symbol and a word, never by colour alone. */
export const STATUS_LABEL: Readonly<Record<ScenarioStatus, string>> = {
  passed: '✔ passed',
  failed: '✘ failed',
  undefined: '? undefined',
  pending: '… pending',
  skipped: '– skipped',
  ambiguous: '! ambiguous',
  unknown: '! unfinished',
};

export const STATUS_MEANING: Readonly<Record<ScenarioStatus, string>> = {
  passed: 'works as the FAQ says',
  failed: 'does NOT work as the FAQ says',
  undefined: 'not runnable: a step is not defined',
  pending: 'not runnable: a step is pending',
  skipped: 'skipped',
  ambiguous: 'not runnable: a step matches twice',
  unknown: 'did not finish',
};
