import type { ScenarioResult } from './run-model.ts';

/**
 * A question's verdict from its scenarios: it holds only when every scenario of it in the suite
 * ran and passed. Otherwise the worst news wins (the product disagrees, then could not run, then
 * not run), and the counts say what is known.
 */
export type QuestionVerdict = 'holds' | 'disagrees' | 'could-not-run' | 'incomplete' | 'not-run' | 'no-scenarios';

export interface QuestionCounts {
  readonly total: number;
  readonly agrees: number;
  readonly disagrees: number;
  readonly couldNotRun: number;
  readonly notRun: number;
}

export function countVerdicts(scenarios: readonly ScenarioResult[]): QuestionCounts {
  const n = (v: ScenarioResult['verdict']) => scenarios.filter((s) => s.verdict === v).length;
  return { total: scenarios.length, agrees: n('agrees'), disagrees: n('disagrees'), couldNotRun: n('could-not-run'), notRun: n('not-run') };
}

export function questionVerdict(scenarios: readonly ScenarioResult[]): QuestionVerdict {
  const c = countVerdicts(scenarios);
  if (c.total === 0) return 'no-scenarios';
  if (c.disagrees) return 'disagrees';
  if (c.couldNotRun) return 'could-not-run';
  if (c.notRun === c.total) return 'not-run';
  if (c.notRun) return 'incomplete';
  return 'holds';
}

/** "3 of 19 ran, all pass; 16 not run", "2 of 9 disagree; 7 pass": what the run knows, in English and Polish. */
export function countWords(c: QuestionCounts): { en: string; pl: string } {
  const ran = c.total - c.notRun;
  const en: string[] = [];
  const pl: string[] = [];
  if (ran === 0) {
    en.push('none ran');
    pl.push('żaden nie został uruchomiony');
  } else if (c.disagrees === 0 && c.couldNotRun === 0) {
    en.push(c.notRun ? `${ran} of ${c.total} ran, all pass` : `all ${c.total} pass`);
    pl.push(c.notRun ? `uruchomiono ${ran} z ${c.total}, wszystkie przechodzą` : `wszystkie ${c.total} przechodzą`);
  } else {
    if (c.disagrees) { en.push(`${c.disagrees} of ${c.total} disagree`); pl.push(`${c.disagrees} z ${c.total} niezgodne`); }
    if (c.couldNotRun) { en.push(`${c.couldNotRun} could not run`); pl.push(`${c.couldNotRun} nie dało się uruchomić`); }
    if (c.agrees) { en.push(`${c.agrees} pass`); pl.push(`${c.agrees} ${c.agrees % 10 >= 2 && c.agrees % 10 <= 4 && (c.agrees % 100 < 12 || c.agrees % 100 > 14) ? 'przechodzą' : 'przechodzi'}`); }
  }
  if (c.notRun) { en.push(`${c.notRun} not run`); pl.push(`${c.notRun} nieuruchomione`); }
  return { en: en.join('; '), pl: pl.join('; ') };
}
