/** The benchmark's output: a Markdown table for people, a JSON document for tools. */
import { cpuRatio, isTimed, perSecond, timeRatio, type Comparison, type RatioSummary, type Timed } from './comparison.ts';
import { jsonFigure, type Figure } from './figures.ts';
import type { MachineDescription } from './machine.ts';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function describeTime(timed: Timed, messages: number | undefined): string {
  const { median, min, max } = timed.samples;
  const rate = perSecond(timed.samples, messages);
  const time = `${formatMs(median)} (${formatMs(min, false)}–${formatMs(max, false)})`;
  return rate === undefined ? time : `${time}, ${integer.format(rate)} msg/s`;
}

function formatMs(ms: number, unit = true): string {
  const text = ms >= 100 ? integer.format(ms) : ms.toFixed(1);
  return unit ? `${text} ms` : text;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function ratioNumber(ratio: number): string {
  return ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(2) : ratio.toFixed(3);
}

/** "1.62× (1.31–2.04)": the median ratio, then the lowest and highest round. */
export function formatRatio(ratio: RatioSummary | undefined): string {
  if (ratio === undefined) return '–';
  if (ratio.min === ratio.max) return `${ratioNumber(ratio.median)}×`;
  return `${ratioNumber(ratio.median)}× (${ratioNumber(ratio.min)}–${ratioNumber(ratio.max)})`;
}

/** One table: a row per comparison, in the given order. */
export function markdownTable(comparisons: readonly Comparison[]): string {
  const rows = [
    '| Section | Measurement | Ours: median (min–max) | Baseline: median (min–max) | Time ratio ours ÷ baseline: median (min–max) | CPU-time ratio (whose CPU) |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of comparisons) {
    const baseline = isTimed(c.baseline) ? `${c.baseline.name}: ${describeTime(c.baseline, c.messages)}` : `${c.baseline.name}: ${c.baseline.unavailable}`;
    const cpu = cpuRatio(c);
    const cpuCell = cpu === undefined ? '–' : `${formatRatio(cpu)}${c.cpuCovers ? ` (${c.cpuCovers})` : ''}`;
    rows.push(`| ${[c.section, c.measurement, describeTime(c.ours, c.messages), baseline, formatRatio(timeRatio(c)), cpuCell].map(escapeCell).join(' | ')} |`);
  }
  return rows.join('\n');
}

export interface BenchReport {
  readonly machine: MachineDescription & { readonly loadAverage?: { before: number; after: number } };
  readonly settings: Record<string, unknown>;
  readonly comparisons: readonly Comparison[];
  readonly figures?: readonly Figure[];
}

/** The JSON document written by --json: every sample, so another tool can re-analyse the run. */
export function jsonReport(report: BenchReport): unknown {
  const timed = (t: Timed, messages: number | undefined) => ({
    name: t.name,
    medianMs: t.samples.median,
    minMs: t.samples.min,
    maxMs: t.samples.max,
    timesMs: t.samples.times,
    ...(messages === undefined ? {} : { messagesPerSecond: perSecond(t.samples, messages) }),
    ...(t.cpu ? { cpuMedianMs: t.cpu.median, cpuTimesMs: t.cpu.times } : {}),
  });
  return {
    machine: report.machine,
    settings: report.settings,
    comparisons: report.comparisons.map((c) => ({
      section: c.section,
      measurement: c.measurement,
      ...(c.messages === undefined ? {} : { messages: c.messages }),
      ours: timed(c.ours, c.messages),
      baseline: isTimed(c.baseline) ? timed(c.baseline, c.messages) : { name: c.baseline.name, unavailable: c.baseline.unavailable },
      timeRatio: timeRatio(c) ?? null,
      cpuRatio: cpuRatio(c) ?? null,
      ...(c.cpuCovers ? { cpuCovers: c.cpuCovers } : {}),
    })),
    figures: (report.figures ?? []).map(jsonFigure),
  };
}
