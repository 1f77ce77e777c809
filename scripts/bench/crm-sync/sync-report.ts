/**
 * What the benchmark's child processes tell it after their run, one JSON line on their stdout,
 * and how the benchmark reads it: a report that does not add up (fewer messages fetched than the
 * folder holds, a message the connector could not hand over or the parser could not read) fails
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
  /** The process's resident set when it was ready, before the synchronisation, in bytes. */
  readonly restRssBytes: number;
  /** The process's resident set when the synchronisation ended, in bytes. */
  readonly rssBytes: number;
  /** The most the process ever held resident, start-up included, in bytes. */
  readonly maxRssBytes: number;
  /** The text and HTML the CRM holds for the synced messages, as UTF-8 bytes. */
  readonly bodyBytes: number;
}

/** What mailparser alone reported after reading the messages (parser-process.ts). */
export interface ParserReport {
  /** Messages mailparser read. */
  readonly parsed: number;
  /** Messages mailparser refused. */
  readonly failures: number;
  /** CPU milliseconds of the process while it read them, all threads. */
  readonly cpuMs: number;
  readonly maxRssBytes: number;
}

const SYNC_FIELDS = ['fetched', 'saved', 'failures', 'cpuMs', 'restRssBytes', 'rssBytes', 'maxRssBytes', 'bodyBytes'] as const;
const PARSER_FIELDS = ['parsed', 'failures', 'cpuMs', 'maxRssBytes'] as const;

/** The named non-negative numbers of a report line; throws, quoting the line, when it is not one. */
function readLine<F extends string>(line: string, who: string, fields: readonly F[]): Record<F, number> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`${who} answered with something other than its report: ${line.slice(0, 200)}`);
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const missing = fields.filter((field) => typeof record[field] !== 'number' || !Number.isFinite(record[field]) || (record[field] as number) < 0);
  if (missing.length > 0) throw new Error(`${who}'s report lacks ${missing.join(', ')}: ${line.slice(0, 200)}`);
  return Object.fromEntries(fields.map((field) => [field, record[field]])) as Record<F, number>;
}

/** Reads the CRM process's report line. */
export function parseCrmSyncReport(line: string): CrmSyncReport {
  return readLine(line, "The CRM's process", SYNC_FIELDS);
}

/** Throws when the synchronisation did not hand every message of the folder to the CRM. */
export function checkCrmSyncReport(report: CrmSyncReport, messages: number): void {
  if (report.fetched !== messages || report.failures > 0) {
    throw new Error(`The CRM's sync fetched ${report.fetched} of ${messages} messages, ${report.failures} could not be handed over`);
  }
  if (report.saved === 0) throw new Error(`The CRM's sync saved none of ${messages} messages: the routing rules refused them all`);
}

/** Reads the parser process's report line. */
export function parseParserReport(line: string): ParserReport {
  return readLine(line, 'The parser process', PARSER_FIELDS);
}

/** Throws when mailparser did not read every message. */
export function checkParserReport(report: ParserReport, messages: number): void {
  if (report.parsed !== messages || report.failures > 0) {
    throw new Error(`mailparser read ${report.parsed} of ${messages} messages, ${report.failures} refused`);
  }
}
