import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, takeShard } from './shard.ts';

const plan = [
  { uri: 'features/faq/q10.feature', location: { line: 5 } },
  { uri: 'features/faq/q01.feature', location: { line: 30 } },
  { uri: 'features/faq/q01.feature', location: { line: 4 } },
  { uri: 'features/faq/q01.feature', location: { line: 12 } },
  { uri: 'features/mail-server/delivery.feature', location: { line: 9 } },
];

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, total: 1 });
  });

  it.each(['0/3', '4/3', '1/0', 'two/3', '1', ''])('refuses %j with how to write it', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard takes "i\/n" with 1 ≤ i ≤ n, e.g. --shard 2\/3/);
  });
});

describe('selectShard', () => {
  it('deals the scenarios sorted by file and line (numerically) round-robin', () => {
    expect(selectShard(plan, { index: 1, total: 2 })).toEqual(['features/faq/q01.feature:4', 'features/faq/q01.feature:30', 'features/mail-server/delivery.feature:9']);
    expect(selectShard(plan, { index: 2, total: 2 })).toEqual(['features/faq/q01.feature:12', 'features/faq/q10.feature:5']);
  });

  it('does not depend on the order the plan comes in', () => {
    expect(selectShard([...plan].reverse(), { index: 1, total: 3 })).toEqual(selectShard(plan, { index: 1, total: 3 }));
  });

  it('covers every scenario exactly once, in parts that differ by at most one', () => {
    const scenarios = fc.uniqueArray(fc.record({ uri: fc.constantFrom('a.feature', 'b.feature', 'c/d.feature'), location: fc.record({ line: fc.integer({ min: 1, max: 500 }) }) }), { selector: (p) => `${p.uri}:${p.location.line}` });
    fc.assert(fc.property(scenarios, fc.integer({ min: 1, max: 7 }), (all, total) => {
      const parts = Array.from({ length: total }, (_, i) => selectShard(all, { index: i + 1, total }));
      const everything = parts.flat();
      expect(everything.length).toBe(all.length);
      expect(new Set(everything).size).toBe(all.length);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });
});

describe('takeShard', () => {
  it('takes --shard out of the arguments and leaves the rest for Cucumber', () => {
    expect(takeShard(['--tags', '@Q1', '--shard', '2/4', 'features/faq'])).toEqual({ shard: { index: 2, total: 4 }, rest: ['--tags', '@Q1', 'features/faq'] });
    expect(takeShard(['--shard=1/2'])).toEqual({ shard: { index: 1, total: 2 }, rest: [] });
    expect(takeShard(['--retry', '1'])).toEqual({ rest: ['--retry', '1'] });
    expect(() => takeShard(['--shard'])).toThrow(/--shard takes "i\/n"/);
  });
});
