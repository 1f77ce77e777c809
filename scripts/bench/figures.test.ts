import { describe, expect, it } from 'vitest';
import { formatFigure, jsonFigure, markdownFigures, verdict, type Figure } from './figures.ts';
import { summarise } from './sampling.ts';

const cpu: Figure = { section: 'CRM sync', measurement: 'CPU time, 10,000 messages', unit: 'ms', samples: summarise([1900, 2100, 1800]), atMost: 2000 };
const memory: Figure = { section: 'CRM sync', measurement: 'Peak memory, 10,000 messages', unit: 'MB', samples: summarise([310, 320, 330]), atMost: 300 };
const untargeted: Figure = { section: 'CRM sync', measurement: 'CPU time, 1,000 messages', unit: 'ms', samples: summarise([42.25]) };

describe('verdict', () => {
  it('holds the median against the target', () => {
    expect(verdict(cpu)).toBe('met');
    expect(verdict(memory)).toBe('missed');
    expect(verdict({ ...memory, atMost: 320 })).toBe('met');
  });

  it('has none without a target', () => {
    expect(verdict(untargeted)).toBeUndefined();
  });
});

describe('markdownFigures', () => {
  it('prints the median, the spread, the target and whether it was met', () => {
    const rows = markdownFigures([cpu, memory, untargeted]).split('\n');
    expect(rows[2]).toBe('| CRM sync | CPU time, 10,000 messages | 1,900 ms (1,800–2,100) | ≤ 2,000 ms: met |');
    expect(rows[3]).toBe('| CRM sync | Peak memory, 10,000 messages | 320 MB (310–330) | ≤ 300 MB: missed |');
    expect(rows[4]).toBe('| CRM sync | CPU time, 1,000 messages | 42.3 ms | – |');
  });

  it('escapes a pipe inside a cell', () => {
    expect(markdownFigures([{ ...untargeted, measurement: 'a | b' }])).toContain('a \\| b');
  });
});

describe('formatFigure', () => {
  it('leaves out the range of a single sample', () => {
    expect(formatFigure(untargeted)).toBe('42.3 ms');
  });
});

describe('jsonFigure', () => {
  it('keeps every sample, the target and the verdict, null where there is none', () => {
    expect(jsonFigure(memory)).toMatchObject({ unit: 'MB', median: 320, samples: [310, 320, 330], atMost: 300, verdict: 'missed' });
    expect(jsonFigure(untargeted)).toMatchObject({ atMost: null, verdict: null });
  });
});
