import { describe, expect, it } from 'vitest';
import { formatInternalDate, internalDay, parseInternalDate, parseSearchDate, sentDay } from './dates.ts';

describe('dates', () => {
  it('formats INTERNALDATE in UTC with a two-digit day', () => {
    expect(formatInternalDate(new Date('2026-03-02T10:00:00Z'))).toBe('02-Mar-2026 10:00:00 +0000');
    expect(formatInternalDate(new Date('2025-12-31T23:59:59.900Z'))).toBe('31-Dec-2025 23:59:59 +0000');
  });

  it('reads search dates and header dates as calendar days', () => {
    const march2 = parseSearchDate('2-Mar-2026');
    expect(march2).toBe(internalDay(new Date('2026-03-02T23:00:00Z')));
    expect(parseSearchDate('02-mar-2026')).toBe(march2);
    expect(sentDay('Mon, 2 Mar 2026 23:30:00 -0500')).toBe(march2);
    expect(sentDay('2 March 2026 01:00 +1400')).toBe(march2);
    expect(sentDay('Mon, 02 Mar 26 10:00 GMT')).toBe(march2);
  });

  it.each(['', '2026-03-02', '31-Feb-2026', '1-Foo-2026', '1-Jan-26'])('rejects the search date %j', (text) => {
    expect(parseSearchDate(text)).toBeUndefined();
  });

  it('gives no day for an unreadable Date header', () => {
    expect(sentDay('yesterday')).toBeUndefined();
  });

  it('reads an APPEND date-time in its zone, day padded or not, and refuses impossible ones', () => {
    expect(parseInternalDate('05-Mar-2026 14:30:00 +0100')?.toISOString()).toBe('2026-03-05T13:30:00.000Z');
    expect(parseInternalDate(' 5-mar-2026 00:15:00 -0230')?.toISOString()).toBe('2026-03-05T02:45:00.000Z');
    for (const bad of ['31-Feb-2026 10:00:00 +0000', '05-Mar-2026 24:00:00 +0000', '05-Mar-2026 10:00 +0000', '05-Mar-2026 10:00:00', '5 Mar 2026 10:00:00 +0000']) {
      expect(parseInternalDate(bad)).toBeUndefined();
    }
  });
});
