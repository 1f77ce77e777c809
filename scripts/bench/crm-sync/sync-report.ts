/**
 * What the CRM's process (crm-process.ts) tells the benchmark after one synchronisation, one JSON
 * line on its stdout, and how the benchmark reads it: a report that does not add up (fewer
 * messages fetched than the folder holds, a message the connector could not hand over) fails
 * the run, so a broken chain is never timed as a fast one.
 */
export interface CrmSyncReport {
  /** Messages the connector fetched and handed to the CRM. */
  readonly fetched: number;
  /** Of those, the messages that became e-mail activities. */
  readonly saved: number;
  /** Messages the connector could not hand over. */
  readonly failures: number;
  /** CPU milliseconds of the CRM's process during the synchronisation, all threads. */
  readonly cpuMs: number;
  /** The process's resident set when the synchronisation ended, in bytes. */
  readonly rssBytes: number;
  /** The most the process ever held resident, start-up included, in bytes. */
  readonly maxRssBytes: number;
}

const FIELDS = ['fetched', 'saved', 'failures', 'cpuMs', 'rssBytes', 'maxRssBytes'] as const;

/** Reads the report line; throws, quoting the line, when it is not one. */
export function parseCrmSyncReport(line: string): CrmSyncReport {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`The CRM's process answered with something other than its report: ${line.slice(0, 200)}`);
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const missing = FIELDS.filter((field) => typeof record[field] !== 'number' || !Number.isFinite(record[field]) || (record[field] as number) < 0);
  if (missing.length > 0) throw new Error(`The CRM's report lacks ${missing.join(', ')}: ${line.slice(0, 200)}`);
  const report = Object.fromEntries(FIELDS.map((field) => [field, record[field]])) as unknown as CrmSyncReport;
  return report;
}

/** Throws when the synchronisation did not hand every message of the folder to the CRM. */
export function checkCrmSyncReport(report: CrmSyncReport, messages: number): void {
  if (report.fetched !== messages || report.failures > 0) {
    throw new Error(`The CRM's sync fetched ${report.fetched} of ${messages} messages, ${report.failures} could not be handed over`);
  }
  if (report.saved === 0) throw new Error(`The CRM's sync saved none of ${messages} messages: the routing rules refused them all`);
}
