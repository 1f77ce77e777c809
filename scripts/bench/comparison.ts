/**
 * One line of the benchmark's result: our component against a baseline timed in the same run.
 * The ratio is of median times, ours ÷ baseline: below 1 ours is faster, above 1 slower.
 */
import type { Samples } from './sampling.ts';

export interface Timed {
  readonly name: string;
  readonly samples: Samples;
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
}

export function isTimed(value: Timed | Unavailable): value is Timed {
  return 'samples' in value;
}

/** Median time ratio ours ÷ baseline, or undefined when the baseline could not run. */
export function timeRatio(comparison: Comparison): number | undefined {
  return isTimed(comparison.baseline) ? comparison.ours.samples.median / comparison.baseline.samples.median : undefined;
}

export function perSecond(samples: Samples, messages: number | undefined): number | undefined {
  return messages === undefined ? undefined : messages / (samples.median / 1000);
}
