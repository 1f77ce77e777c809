/**
 * Timing with warm-up, repetition and interleaving. Absolute times on a shared machine drift
 * (other processes, CPU frequency, GC), so the contenders of one comparison take turns within each
 * round, in an order that rotates, and the comparison uses medians from the same run.
 */
import { performance } from 'node:perf_hooks';

export interface Samples {
  /** Milliseconds of each measured round (warm-up rounds excluded), in the order run. */
  readonly times: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface Measured {
  /** Wall-clock time. */
  readonly wall: Samples;
  /** CPU time of what the contender's cpuMs() covers, when it could be read in every round. */
  readonly cpu: Samples | undefined;
}

export interface Contender {
  readonly name: string;
  /** One timed run. Work it needs but that should not be timed goes in `prepare`. */
  run(): Promise<void>;
  /** Untimed set-up before each run (a fresh server, an open connection). */
  prepare?(): Promise<void>;
  /** Untimed tear-down after each run. */
  finish?(): Promise<void>;
  /** Cumulative CPU milliseconds of what is measured (see cpu-time.ts); read before and after each run. */
  cpuMs?(): number | undefined;
  /** Instead of cpuMs: the CPU milliseconds of the run just finished, as a child process reported them. */
  lastRunCpuMs?(): number | undefined;
}

export interface SamplingPlan {
  readonly warmup: number;
  readonly rounds: number;
}

export function summarise(times: readonly number[]): Samples {
  if (times.length === 0) throw new Error('No samples to summarise');
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { times: [...times], median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

interface Reading {
  readonly wall: number;
  readonly cpu: number | undefined;
}

async function timeOnce(contender: Contender): Promise<Reading> {
  await contender.prepare?.();
  try {
    const cpuBefore = contender.cpuMs?.();
    const start = performance.now();
    await contender.run();
    const wall = performance.now() - start;
    const cpuAfter = contender.cpuMs?.();
    if (contender.lastRunCpuMs) return { wall, cpu: contender.lastRunCpuMs() };
    return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
  } finally {
    await contender.finish?.();
  }
}

/**
 * Runs every contender `warmup + rounds` times, taking turns; round r starts with contender
 * r mod n, so no contender always runs first (on a cold cache) or last. Returns samples by name,
 * in round order, so contenders can be compared round by round.
 */
export async function measureInterleaved(contenders: readonly Contender[], plan: SamplingPlan): Promise<Map<string, Measured>> {
  const readings = new Map<string, Reading[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < plan.warmup + plan.rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(round + turn) % contenders.length]!;
      const reading = await timeOnce(contender);
      if (round >= plan.warmup) readings.get(contender.name)!.push(reading);
    }
  }
  return new Map(
    [...readings].map(([name, list]) => {
      const cpu = list.map((r) => r.cpu);
      const complete = cpu.every((value): value is number => value !== undefined);
      return [name, { wall: summarise(list.map((r) => r.wall)), cpu: complete ? summarise(cpu) : undefined }];
    }),
  );
}
