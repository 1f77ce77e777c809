import { describe, expect, it } from 'vitest';
import { neighbouringSizes, pairLabel } from './crm-sync.ts';
import { checkCrmSyncReport, checkParserReport, parseCrmSyncReport, parseParserReport, type CrmSyncReport, type ParserReport } from './crm-sync/sync-report.ts';

const report: CrmSyncReport = { fetched: 10, saved: 9, failures: 0, cpuMs: 120.5, restRssBytes: 60e6, rssBytes: 80e6, maxRssBytes: 90e6, bodyBytes: 4e4 };
const parserReport: ParserReport = { parsed: 10, failures: 0, cpuMs: 40.5, maxRssBytes: 70e6 };

describe('neighbouringSizes', () => {
  it('pairs each size with the next smaller one, whatever order and repeats they come in', () => {
    expect(neighbouringSizes([10000, 1000, 5000, 2000, 1000])).toEqual([
      { larger: 2000, smaller: 1000 },
      { larger: 5000, smaller: 2000 },
      { larger: 10000, smaller: 5000 },
    ]);
  });

  it('has no pair for a single size', () => {
    expect(neighbouringSizes([1000])).toEqual([]);
  });
});

describe('pairLabel', () => {
  it('names both sizes and what a linear cost would give', () => {
    expect(pairLabel({ larger: 10000, smaller: 5000 })).toBe('10,000 messages ÷ 5,000 (linear: 2×)');
    expect(pairLabel({ larger: 5000, smaller: 2000 })).toBe('5,000 messages ÷ 2,000 (linear: 2.5×)');
  });
});

describe('parseCrmSyncReport', () => {
  it('reads the report line', () => {
    expect(parseCrmSyncReport(JSON.stringify({ ...report, extra: 'ignored' }))).toEqual(report);
  });

  it('refuses a line that is not a report, quoting it', () => {
    expect(() => parseCrmSyncReport('Error: connect ECONNREFUSED')).toThrow(/other than its report: Error: connect ECONNREFUSED/);
    expect(() => parseCrmSyncReport(JSON.stringify({ ...report, cpuMs: 'fast', saved: -1 }))).toThrow(/lacks saved, cpuMs/);
    expect(() => parseCrmSyncReport('null')).toThrow(/lacks fetched/);
    expect(() => parseCrmSyncReport(JSON.stringify({ ...report, bodyBytes: undefined }))).toThrow(/The CRM's process's report lacks bodyBytes/);
  });
});

describe('parseParserReport and checkParserReport', () => {
  it('read the report line and accept a run that read every message', () => {
    expect(parseParserReport(JSON.stringify(parserReport))).toEqual(parserReport);
    expect(() => checkParserReport(parserReport, 10)).not.toThrow();
  });

  it('refuse a line that is not a report, and a run that read fewer messages or had one refused', () => {
    expect(() => parseParserReport('Error: boom')).toThrow(/The parser process answered with something other than its report: Error: boom/);
    expect(() => parseParserReport(JSON.stringify({ ...parserReport, parsed: 'all' }))).toThrow(/lacks parsed/);
    expect(() => checkParserReport({ ...parserReport, parsed: 9 }, 10)).toThrow(/read 9 of 10 messages/);
    expect(() => checkParserReport({ ...parserReport, failures: 2 }, 10)).toThrow(/2 refused/);
  });
});

describe('checkCrmSyncReport', () => {
  it('accepts a sync that handed every message over', () => {
    expect(() => checkCrmSyncReport(report, 10)).not.toThrow();
  });

  it('refuses a sync that fetched less, failed to hand a message over, or saved nothing', () => {
    expect(() => checkCrmSyncReport(report, 11)).toThrow(/fetched 10 of 11 messages/);
    expect(() => checkCrmSyncReport({ ...report, failures: 1 }, 10)).toThrow(/1 could not be handed over/);
    expect(() => checkCrmSyncReport({ ...report, saved: 0 }, 10)).toThrow(/saved none of 10/);
  });
});
