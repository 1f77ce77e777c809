import { describe, expect, it } from 'vitest';
import { measureInterleaved, summarise, type Contender } from './sampling.ts';

describe('summarise', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even one', () => {
    expect(summarise([5, 1, 3]).median).toBe(3);
    expect(summarise([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('keeps the samples in the order run, with their extremes', () => {
    const samples = summarise([3, 1, 2]);
    expect(samples.times).toEqual([3, 1, 2]);
    expect([samples.min, samples.max]).toEqual([1, 3]);
  });

  it('refuses to summarise nothing', () => {
    expect(() => summarise([])).toThrow(/No samples/);
  });
});

describe('measureInterleaved', () => {
  it('rotates who goes first, prepares and finishes around each run, and drops warm-up rounds', async () => {
    const log: string[] = [];
    const contender = (name: string): Contender => ({
      name,
      prepare: async () => void log.push(`prepare ${name}`),
      run: async () => void log.push(`run ${name}`),
      finish: async () => void log.push(`finish ${name}`),
    });
    const samples = await measureInterleaved([contender('a'), contender('b')], { warmup: 1, rounds: 2 });
    expect(log.filter((line) => line.startsWith('run'))).toEqual(['run a', 'run b', 'run b', 'run a', 'run a', 'run b']);
    expect(log.slice(0, 3)).toEqual(['prepare a', 'run a', 'finish a']);
    expect(samples.get('a')!.wall.times).toHaveLength(2);
    expect(samples.get('b')!.wall.times).toHaveLength(2);
  });

  it('finishes a contender whose run fails, and passes the failure on', async () => {
    let finished = false;
    const failing: Contender = { name: 'x', run: async () => { throw new Error('broken'); }, finish: async () => void (finished = true) };
    await expect(measureInterleaved([failing], { warmup: 0, rounds: 1 })).rejects.toThrow('broken');
    expect(finished).toBe(true);
  });

  it('takes the CPU time a contender reports for its finished run (a child process) as that run\'s', async () => {
    let run = 0;
    const child: Contender = { name: 'child', run: async () => void (run += 1), lastRunCpuMs: () => run * 100 };
    const samples = await measureInterleaved([child], { warmup: 1, rounds: 2 });
    expect(samples.get('child')!.cpu!.times).toEqual([200, 300]);
  });
});
