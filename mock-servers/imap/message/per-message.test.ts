import { describe, expect, it } from 'vitest';
import { lastSource, perSource } from './per-message.ts';

describe('computations over message sources', () => {
  it('lastSource computes once for the message in hand, again for the next, and forgets the one before', () => {
    const seen: string[] = [];
    const parse = lastSource((raw) => {
      seen.push(raw.toString());
      return raw.length;
    });
    const [one, two] = [Buffer.from('one'), Buffer.from('two!')];
    expect([parse(one), parse(one), parse(two), parse(two), parse(one)]).toEqual([3, 3, 4, 4, 3]);
    expect(seen).toEqual(['one', 'two!', 'one']);
  });

  it('perSource keeps recently used results within its byte budget, least recently used out first', () => {
    const seen: string[] = [];
    const item = perSource((raw) => seen.push(raw.toString()), (_value, raw) => raw.length * 100, 200);
    const [a, b, c] = [Buffer.from('a'), Buffer.from('b'), Buffer.from('c')];
    item(a);
    item(b);
    item(a);
    item(c); // over budget: b, the least recently used, goes
    item(a);
    item(b);
    expect(seen).toEqual(['a', 'b', 'c', 'b']);
  });
});
