/**
 * One line of the benchmark's result: our component against a baseline timed in the same run.
 * The ratio is of median times, ours ÷ baseline: below 1 ours is faster, above 1 slower.
 */
import type { Measured, Samples } from './sampling.ts';

export interface Timed {
  readonly name: string;
  /** Wall-clock time. */
  readonly samples: Samples;
  /** CPU time, when it could be read (see cpu-time.ts). */
  readonly cpu?: Samples | undefined;
}

export function timed(name: string, measured: Measured): Timed {
  return { name, samples: measured.wall, cpu: measured.cpu };
}

export interface Unavailable {
  readonly name: string;
  /** Why there is no figure, and how to get one. */
  readonly unavailable: string;
}

export interface Comparison {
  readonly section: string;
  readonly measurement: string;
  readonly ours: Timed;
  readonly baseline: Timed | Unavailable;
  /** Messages handled per timed run, for a messages-per-second figure. */
  readonly messages?: number;
  /** False when ours and the baseline were not timed in the same rounds; true by default. */
  readonly paired?: boolean;
  /** Whose CPU time the CPU samples count, e.g. "the server's processes". */
  readonly cpuCovers?: string;
}

export function isTimed(value: Timed | Unavailable): value is Timed {
  return 'samples' in value;
}

export interface RatioSummary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Time ratio ours ÷ baseline, or undefined when the baseline could not run. Contenders that took
 * turns in the same rounds are compared round by round and the median of those ratios taken: a
 * burst of load from elsewhere slows both sides of one round, and cancels out. Otherwise the
 * ratio of the medians.
 */
export function timeRatio(comparison: Comparison): RatioSummary | undefined {
  const { ours, baseline } = comparison;
  if (!isTimed(baseline)) return undefined;
  return pairedRatio(ours.samples, baseline.samples, comparison.paired !== false);
}

/** The same, for CPU time; undefined when either side has no CPU reading. */
export function cpuRatio(comparison: Comparison): RatioSummary | undefined {
  const { ours, baseline } = comparison;
  if (!isTimed(baseline) || !ours.cpu || !baseline.cpu) return undefined;
  return pairedRatio(ours.cpu, baseline.cpu, comparison.paired !== false);
}

function pairedRatio(ours: Samples, baseline: Samples, paired: boolean): RatioSummary {
  const a = ours.times;
  const b = baseline.times;
  if (!paired || a.length !== b.length) {
    const ratio = ours.median / baseline.median;
    return { median: ratio, min: ratio, max: ratio };
  }
  const ratios = a.map((time, i) => time / b[i]!).sort((x, y) => x - y);
  const middle = ratios.length >> 1;
  const median = ratios.length % 2 === 1 ? ratios[middle]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
  return { median, min: ratios[0]!, max: ratios[ratios.length - 1]! };
}

export function perSecond(samples: Samples, messages: number | undefined): number | undefined {
  return messages === undefined ? undefined : messages / (samples.median / 1000);
}
