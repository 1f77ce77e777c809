import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.ts';

describe('VirtualClock', () => {
  const start = new Date('2026-03-02T09:00:00Z');

  it('stands still until moved, and hands out copies', () => {
    const clock = new VirtualClock(start);
    const a = clock.now();
    a.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('sets a time of day on the same date and advances', () => {
    const clock = new VirtualClock(start);
    clock.setTimeOfDay('10:30');
    expect(clock.now().toISOString()).toBe('2026-03-02T10:30:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-02T10:31:30.000Z');
  });

  it('refuses to run backwards or to read nonsense', () => {
    const clock = new VirtualClock(start);
    expect(() => clock.setTimeOfDay('08:00')).toThrow(/cannot go back/);
    expect(() => clock.setTimeOfDay('25:00')).toThrow(/not a valid time/);
    expect(() => clock.setTimeOfDay('noon')).toThrow(/HH:MM/);
    expect(() => clock.advance(-1)).toThrow();
  });
});
