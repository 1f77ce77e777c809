import { describe, expect, it } from 'vitest';
import { timeRatio, type Comparison } from './comparison.ts';
import { formatRatio, jsonReport, markdownTable } from './report.ts';
import { summarise } from './sampling.ts';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, os: 'Linux', node: 'v20.19.0' };

const fetchRow: Comparison = {
  section: 'IMAP fetch',
  measurement: 'FETCH 1:* (UID FLAGS ENVELOPE), 4 messages',
  ours: { name: 'mock mail server', samples: summarise([20, 40, 30]) },
  baseline: { name: 'hoodiecrow-imap 2.1.0', samples: summarise([10, 10, 30]) },
  messages: 4,
};
const missingRow: Comparison = { ...fetchRow, baseline: { name: 'Dovecot', unavailable: 'not installed (apt-get install dovecot-imapd)' } };

describe('timeRatio', () => {
  it('compares round by round and takes the median of the ratios', () => {
    expect(timeRatio(fetchRow)).toEqual({ median: 2, min: 1, max: 4 });
  });

  it('falls back to the ratio of medians when the rounds were not shared', () => {
    expect(timeRatio({ ...fetchRow, paired: false })).toEqual({ median: 3, min: 3, max: 3 });
  });

  it('has no ratio without a baseline', () => {
    expect(timeRatio(missingRow)).toBeUndefined();
  });
});

describe('markdownTable', () => {
  const table = markdownTable([fetchRow, missingRow]);

  it('prints times, throughput and the ratio with its spread', () => {
    const row = table.split('\n')[2]!;
    expect(row).toBe('| IMAP fetch | FETCH 1:* (UID FLAGS ENVELOPE), 4 messages | 30.0 ms (20.0–40.0), 133 msg/s | hoodiecrow-imap 2.1.0: 10.0 ms (10.0–30.0), 400 msg/s | 2.00× (1.00–4.00) | – |');
  });

  it('adds the CPU-time ratio and whose CPU it counts, when both sides have one', () => {
    const withCpu: Comparison = {
      ...fetchRow,
      ours: { ...fetchRow.ours, cpu: summarise([6, 6, 6]) },
      baseline: { name: 'Dovecot 2.3', samples: summarise([10, 10, 10]), cpu: summarise([3, 2, 3]) },
      cpuCovers: "the server's processes",
    };
    expect(markdownTable([withCpu]).split('\n')[2]).toMatch(/\| 2\.00× \(2\.00–3\.00\) \(the server's processes\) \|$/);
  });

  it('says why a baseline is missing and how to get it', () => {
    expect(table.split('\n')[3]).toContain('Dovecot: not installed (apt-get install dovecot-imapd) | – | – |');
  });

  it('escapes a pipe inside a cell', () => {
    expect(markdownTable([{ ...fetchRow, measurement: 'a | b' }])).toContain('a \\| b');
  });
});

describe('formatRatio', () => {
  it('uses fewer decimals for larger ratios', () => {
    expect(formatRatio({ median: 0.1234, min: 0.1234, max: 0.1234 })).toBe('0.123×');
    expect(formatRatio({ median: 528.4, min: 101, max: 660 })).toBe('528× (101–660)');
  });
});

describe('jsonReport', () => {
  it('keeps every sample and the ratio, and null where there is none', () => {
    const json = jsonReport({ machine, settings: { quick: true }, comparisons: [fetchRow, missingRow] }) as { comparisons: Array<Record<string, unknown>> };
    expect(json.comparisons[0]).toMatchObject({ messages: 4, ours: { timesMs: [20, 40, 30], medianMs: 30 }, timeRatio: { median: 2 } });
    expect(json.comparisons[1]).toMatchObject({ baseline: { name: 'Dovecot', unavailable: expect.stringContaining('apt-get') }, timeRatio: null, cpuRatio: null });
  });
});
