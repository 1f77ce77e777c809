import { describe, expect, it } from 'vitest';
import { formatSequenceSet, parseSequenceSet, sequenceSetHas, withinSequenceNumbers } from './sequence-set.ts';

describe('parseSequenceSet', () => {
  it.each([
    ['1', 5, [{ from: 1, to: 1 }]],
    ['1:*', 5, [{ from: 1, to: 5 }]],
    ['*', 5, [{ from: 5, to: 5 }]],
    ['2,4:7', 9, [{ from: 2, to: 2 }, { from: 4, to: 7 }]],
    ['7:4', 9, [{ from: 4, to: 7 }]],
    ['9:*', 3, [{ from: 3, to: 9 }]],
    ['4294967295', 1, [{ from: 4294967295, to: 4294967295 }]],
  ])('%s with max %i', (text, max, ranges) => {
    const result = parseSequenceSet(text, max);
    expect(result).toEqual({ ok: true, set: { ranges, usesStar: text.includes('*') } });
  });

  it.each(['', '0', '1:0', '01', 'a', '1,', ',1', '1::2', '1:2:3', '4294967296', '1 2', '-1'])('rejects "%s"', (text) => {
    expect(parseSequenceSet(text, 10)).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid sequence set/) });
  });

  it('checks membership and sequence-number range', () => {
    const result = parseSequenceSet('2,4:6', 10);
    if (!result.ok) throw new Error(result.message);
    expect([1, 2, 3, 4, 6, 7].map((n) => sequenceSetHas(result.set, n))).toEqual([false, true, false, true, true, false]);
    expect(withinSequenceNumbers(result.set, 6)).toBe(true);
    expect(withinSequenceNumbers(result.set, 5)).toBe(false);
    const empty = parseSequenceSet('1:*', 0);
    if (!empty.ok) throw new Error(empty.message);
    expect(withinSequenceNumbers(empty.set, 0)).toBe(false);
  });

  it('writes ascending numbers as a compact set (RFC 4315 §3)', () => {
    expect(formatSequenceSet([1, 2, 3, 5, 7, 8])).toBe('1:3,5,7:8');
    expect(formatSequenceSet([4])).toBe('4');
    expect(formatSequenceSet([])).toBe('');
  });
});
