/** Command-line options of `npm run bench`. */
import type { SamplingPlan } from './sampling.ts';

export interface BenchOptions {
  /** --help: print the usage and do nothing else. */
  readonly help: boolean;
  /** Fewer messages and rounds: proves the benchmark works, its figures are rough. */
  readonly quick: boolean;
  /** Where to write the JSON report, if anywhere. */
  readonly jsonFile: string | undefined;
  readonly plan: SamplingPlan;
  /** Messages sent per SMTP throughput run. */
  readonly smtpMessages: number;
  /** Messages in the folder the IMAP servers serve. */
  readonly imapMessages: number;
  /** Rounds of the FAQ suite's run, which takes seconds where the others take milliseconds. */
  readonly suitePlan: SamplingPlan;
  /** Mailbox sizes the CRM sync is measured at, each against the next smaller one. */
  readonly crmSyncSizes: readonly number[];
  /** Rounds of the CRM sync, whose largest mailbox takes seconds. */
  readonly crmSyncPlan: SamplingPlan;
  /** --only: the sections to run, in the benchmark's order; all of them by default. */
  readonly sections: readonly BenchSection[];
  /** SMTP load: messages sent, and by how many clients at once. */
  readonly loadMessages: number;
  readonly loadClients: number;
  /** Messages in the folder of the store-at-scale row. */
  readonly storeMessages: number;
}

/** The benchmark's sections, by the names --only takes. */
export const BENCH_SECTIONS = ['load', 'store', 'smtp', 'imap', 'blocks', 'faq', 'suite', 'crm-sync'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export const USAGE = `Usage: npm run bench -- [--quick] [--only <sections>] [--json <file>]

  --quick         fewer messages and rounds, for a smoke test; the figures are rough
  --only <list>   only these sections, comma-separated: ${BENCH_SECTIONS.join(', ')}
  --json <file>   also write every sample, the machine and the settings as JSON
  --help          print this
`;

export class UsageError extends Error {}

export function parseBenchOptions(args: readonly string[]): BenchOptions {
  let quick = false;
  let help = false;
  let jsonFile: string | undefined;
  let sections: readonly BenchSection[] = BENCH_SECTIONS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--json' || arg.startsWith('--json=')) {
      const value = arg === '--json' ? args[++i] : arg.slice('--json='.length);
      if (!value || value.startsWith('--')) throw new UsageError('--json needs a file name');
      jsonFile = value;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      sections = parseSections(arg === '--only' ? args[++i] : arg.slice('--only='.length));
    } else throw new UsageError(`Unknown option ${arg}`);
  }
  return quick
    ? { help, quick, jsonFile, sections, plan: { warmup: 1, rounds: 3 }, smtpMessages: 100, imapMessages: 300, suitePlan: { warmup: 0, rounds: 1 }, crmSyncSizes: [100, 200, 500, 1000], crmSyncPlan: { warmup: 0, rounds: 1 }, loadMessages: 300, loadClients: 10, storeMessages: 5000 }
    : { help, quick, jsonFile, sections, plan: { warmup: 2, rounds: 9 }, smtpMessages: 500, imapMessages: 2000, suitePlan: { warmup: 1, rounds: 3 }, crmSyncSizes: [1000, 2000, 5000, 10000], crmSyncPlan: { warmup: 1, rounds: 3 }, loadMessages: 5000, loadClients: 50, storeMessages: 100_000 };
}

function parseSections(value: string | undefined): BenchSection[] {
  if (!value || value.startsWith('--')) throw new UsageError(`--only needs a section: ${BENCH_SECTIONS.join(', ')}`);
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`Unknown section ${unknown.join(', ')}; the sections are ${BENCH_SECTIONS.join(', ')}`);
  return BENCH_SECTIONS.filter((section) => names.includes(section));
}
