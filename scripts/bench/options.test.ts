import { describe, expect, it } from 'vitest';
import { parseBenchOptions, UsageError } from './options.ts';

describe('parseBenchOptions', () => {
  it('measures the full folder with several rounds by default', () => {
    const options = parseBenchOptions([]);
    expect(options).toMatchObject({ quick: false, jsonFile: undefined, imapMessages: 2000 });
    expect(options.plan.rounds).toBeGreaterThanOrEqual(5);
  });

  it('--quick measures less, for a smoke run', () => {
    const full = parseBenchOptions([]);
    const quick = parseBenchOptions(['--quick']);
    expect(quick.quick).toBe(true);
    expect(quick.plan.rounds).toBeLessThan(full.plan.rounds);
    expect(quick.imapMessages).toBeLessThan(full.imapMessages);
    expect(quick.smtpMessages).toBeLessThan(full.smtpMessages);
    expect(quick.suitePlan.rounds).toBeLessThan(full.suitePlan.rounds);
    expect(full.suitePlan.rounds).toBeGreaterThanOrEqual(3);
  });

  it('takes the JSON file as the next argument or after =', () => {
    expect(parseBenchOptions(['--json', 'out.json', '--quick']).jsonFile).toBe('out.json');
    expect(parseBenchOptions(['--json=out.json']).jsonFile).toBe('out.json');
  });

  it('--help asks for the usage only', () => {
    expect(parseBenchOptions(['--help']).help).toBe(true);
    expect(parseBenchOptions([]).help).toBe(false);
  });

  it('runs every section unless --only names some, kept in the benchmark\'s order', () => {
    expect(parseBenchOptions([]).sections).toEqual(['load', 'store', 'smtp', 'imap', 'blocks', 'faq', 'suite', 'crm-sync']);
    expect(parseBenchOptions(['--only', 'crm-sync,smtp']).sections).toEqual(['smtp', 'crm-sync']);
    expect(parseBenchOptions(['--only=faq']).sections).toEqual(['faq']);
    expect(() => parseBenchOptions(['--only'])).toThrow(/--only needs a section/);
    expect(() => parseBenchOptions(['--only', 'crm'])).toThrow(/Unknown section crm; the sections are load, store, smtp, imap/);
  });

  it('measures the CRM sync up to 10,000 messages, by doubling steps at both ends', () => {
    expect(parseBenchOptions([]).crmSyncSizes).toEqual([1000, 2000, 5000, 10000]);
    expect(Math.max(...parseBenchOptions(['--quick']).crmSyncSizes)).toBeLessThan(10000);
  });

  it('refuses --json without a file and unknown options', () => {
    expect(() => parseBenchOptions(['--json'])).toThrow(UsageError);
    expect(() => parseBenchOptions(['--json', '--quick'])).toThrow(/needs a file/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/Unknown option --fast/);
  });
});
