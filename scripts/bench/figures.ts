/**
 * Figures that stand on their own rather than as a ratio: what a process held in memory, how
 * much CPU a run took, each against the project's target where it sets one. Absolute figures
 * travel worse between machines than ratios, so only those the project commits to are reported
 * this way, and always with the spread over the rounds.
 */
import type { Samples } from './sampling.ts';

export type FigureUnit = 'ms' | 'MB';

export interface Figure {
  readonly section: string;
  readonly measurement: string;
  readonly unit: FigureUnit;
  readonly samples: Samples;
  /** The target: the median should be at most this (in the figure's unit). */
  readonly atMost?: number;
}

export type Verdict = 'met' | 'missed';

/** Whether the median keeps to the target, or undefined without one. */
export function verdict(figure: Figure): Verdict | undefined {
  if (figure.atMost === undefined) return undefined;
  return figure.samples.median <= figure.atMost ? 'met' : 'missed';
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function amount(value: number, unit: FigureUnit, withUnit = true): string {
  const text = value >= 100 ? integer.format(value) : value.toFixed(1);
  return withUnit ? `${text} ${unit}` : text;
}

/** "1,234 ms (1,200–1,300)". */
export function formatFigure(figure: Figure): string {
  const { median, min, max } = figure.samples;
  if (min === max) return amount(median, figure.unit);
  return `${amount(median, figure.unit)} (${amount(min, figure.unit, false)}–${amount(max, figure.unit, false)})`;
}

/** One table: a row per figure, with its target and whether this run kept to it. */
export function markdownFigures(figures: readonly Figure[]): string {
  const rows = ['| Section | Figure | Median (min–max) | Target |', '|---|---|---|---|'];
  for (const figure of figures) {
    const result = verdict(figure);
    const target = figure.atMost === undefined ? '–' : `≤ ${amount(figure.atMost, figure.unit)}: ${result}`;
    rows.push(`| ${[figure.section, figure.measurement, formatFigure(figure), target].map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return rows.join('\n');
}

/** The JSON form: every sample, the target and the verdict (null without a target). */
export function jsonFigure(figure: Figure): unknown {
  return {
    section: figure.section,
    measurement: figure.measurement,
    unit: figure.unit,
    median: figure.samples.median,
    min: figure.samples.min,
    max: figure.samples.max,
    samples: figure.samples.times,
    atMost: figure.atMost ?? null,
    verdict: verdict(figure) ?? null,
  };
}
