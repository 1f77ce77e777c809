/**
 * The CRM's sync of a whole mailbox, through the product's path: the messages in the mock mail
 * server (its own process, imap-servers/serve.ts), the CRM's connector syncing them over IMAP
 * (imapflow), parsing (mailparser) and the CRM's intake, in a process of its own
 * (crm-sync/crm-process.ts), so its CPU time and memory are the CRM's alone.
 *
 * What it checks is how the cost grows: each size against the next smaller one, round by round.
 * A linear sync takes twice as long for twice the messages; a CRM that scans everything it
 * knows for each new message takes four times. The CRM's CPU time and peak memory at the
 * largest size are reported as figures, against the project's targets at 10,000 messages, each
 * with what lies under it: mailparser alone reading the same messages (parser-process.ts, timed
 * in the same rounds), the process's memory before the sync, and the bodies the CRM then holds.
 */
import { fileURLToPath } from 'node:url';
import { timed, type Comparison } from './comparison.ts';
import { ChildRun } from './crm-sync/child-run.ts';
import { checkCrmSyncReport, checkParserReport, parseCrmSyncReport, parseParserReport, type CrmSyncReport, type ParserReport } from './crm-sync/sync-report.ts';
import type { Figure } from './figures.ts';
import { startInChildProcess } from './imap-servers/child-process-server.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, summarise, type Contender, type SamplingPlan } from './sampling.ts';

const CRM_PROCESS = fileURLToPath(new URL('./crm-sync/crm-process.ts', import.meta.url));
const PARSER_PROCESS = fileURLToPath(new URL('./crm-sync/parser-process.ts', import.meta.url));
const PARSER = 'mailparser alone';
const SECTION = 'CRM sync';
const CORPUS_SEED = 9;
const MB = 1024 * 1024;

/** The project's targets at 10,000 messages (fast-feedback issue): CPU time and resident memory. */
export const TARGET_MESSAGES = 10_000;
export const TARGET_CPU_MS = 2000;
export const TARGET_RSS_MB = 300;

const count = new Intl.NumberFormat('en-GB');

export interface SizePair {
  readonly larger: number;
  readonly smaller: number;
}

/** Each size against the next smaller one: [1000, 2000, 5000] gives 2000 ÷ 1000 and 5000 ÷ 2000. */
export function neighbouringSizes(sizes: readonly number[]): SizePair[] {
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  return sorted.slice(1).map((larger, i) => ({ larger, smaller: sorted[i]! }));
}

/** "10,000 messages ÷ 5,000 (linear: 2×)". */
export function pairLabel({ larger, smaller }: SizePair): string {
  const linear = larger / smaller;
  return `${count.format(larger)} messages ÷ ${count.format(smaller)} (linear: ${Number.isInteger(linear) ? linear : linear.toFixed(1)}×)`;
}

export interface CrmSyncResults {
  readonly comparisons: Comparison[];
  readonly figures: Figure[];
}

/**
 * A contender that runs in a fresh child process each round (child-run.ts), and keeps every
 * round's report, warm-ups included.
 */
function childContender<R extends { cpuMs: number }>(name: string, start: () => ChildRun<R>, reports: R[]): Contender {
  let child: ChildRun<R> | undefined;
  let last: R | undefined;
  return {
    name,
    prepare: async () => {
      child = start();
      await child.started();
    },
    run: async () => {
      last = await child!.run();
      reports.push(last);
    },
    finish: async () => {
      await child?.stop();
      child = undefined;
    },
    lastRunCpuMs: () => last?.cpuMs,
  };
}

export async function compareCrmSync(sizes: readonly number[], plan: SamplingPlan, resources: Resources, progress: (text: string) => void = () => undefined): Promise<CrmSyncResults> {
  const ordered = [...new Set(sizes)].sort((a, b) => a - b);
  const largest = ordered[ordered.length - 1]!;
  const reports = new Map<number, CrmSyncReport[]>(ordered.map((size) => [size, []]));
  const parserReports: ParserReport[] = [];
  const contenders: Contender[] = [];
  for (const size of ordered) {
    progress(`  a mail server process with ${count.format(size)} messages…`);
    const target = await startInChildProcess('ours', { count: size, seed: CORPUS_SEED }, resources);
    const args = [target.host, String(target.port), target.user, target.password];
    const read = (line: string) => {
      const report = parseCrmSyncReport(line);
      checkCrmSyncReport(report, size);
      return report;
    };
    contenders.push(childContender(`${size}`, () => new ChildRun("The CRM's process", CRM_PROCESS, args, resources, read), reports.get(size)!));
  }
  // The floor under the largest sync: mailparser alone on the same messages, taking turns with the syncs.
  const readParser = (line: string) => {
    const report = parseParserReport(line);
    checkParserReport(report, largest);
    return report;
  };
  contenders.push(childContender(PARSER, () => new ChildRun('The parser process', PARSER_PROCESS, [String(largest), String(CORPUS_SEED)], resources, readParser), parserReports));

  const samples = await measureInterleaved(contenders, plan);
  // The warm-up rounds' reports are dropped, as measureInterleaved drops their times.
  const runs = reports.get(largest)!.slice(plan.warmup);
  const parserRuns = parserReports.slice(plan.warmup);
  const messages = (size: number) => `${count.format(size)} messages`;
  const comparisons = neighbouringSizes(ordered).map((pair): Comparison => ({
    section: SECTION,
    measurement: pairLabel(pair),
    ours: timed(messages(pair.larger), samples.get(`${pair.larger}`)!),
    baseline: timed(messages(pair.smaller), samples.get(`${pair.smaller}`)!),
    cpuCovers: "the CRM's process",
  }));
  comparisons.push({
    section: SECTION,
    measurement: `${messages(largest)} synced ÷ mailparser alone reading them`,
    ours: timed(messages(largest), samples.get(`${largest}`)!),
    baseline: timed(PARSER, samples.get(PARSER)!),
    cpuCovers: 'each its own process',
  });
  const atTarget = largest === TARGET_MESSAGES;
  const figures: Figure[] = [
    {
      section: SECTION,
      measurement: `CPU time of the CRM's process, ${messages(largest)}`,
      unit: 'ms',
      samples: summarise(runs.map((r) => r.cpuMs)),
      ...(atTarget && { atMost: TARGET_CPU_MS }),
    },
    {
      section: SECTION,
      measurement: `CPU time of mailparser alone reading the same ${messages(largest)} as the connector hands them to it`,
      unit: 'ms',
      samples: summarise(parserRuns.map((r) => r.cpuMs)),
    },
    {
      section: SECTION,
      measurement: `Peak resident memory of the CRM's process, ${messages(largest)}`,
      unit: 'MB',
      samples: summarise(runs.map((r) => r.maxRssBytes / MB)),
      ...(atTarget && { atMost: TARGET_RSS_MB }),
    },
    {
      section: SECTION,
      measurement: "Resident memory of the CRM's process before the sync (Node, the CRM, imapflow, mailparser)",
      unit: 'MB',
      samples: summarise(runs.map((r) => r.restRssBytes / MB)),
    },
    {
      section: SECTION,
      measurement: `Text and HTML the CRM holds after ${messages(largest)} (UTF-8)`,
      unit: 'MB',
      samples: summarise(runs.map((r) => r.bodyBytes / MB)),
    },
  ];
  return { comparisons, figures };
}
