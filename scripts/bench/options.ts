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
  /** SMTP load: messages sent, and by how many clients at once. */
  readonly loadMessages: number;
  readonly loadClients: number;
  /** Messages in the folder of the store-at-scale row. */
  readonly storeMessages: number;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--json <file>]

  --quick         fewer messages and rounds, for a smoke test; the figures are rough
  --json <file>   also write every sample, the machine and the settings as JSON
  --help          print this
`;

export class UsageError extends Error {}

export function parseBenchOptions(args: readonly string[]): BenchOptions {
  let quick = false;
  let help = false;
  let jsonFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--json' || arg.startsWith('--json=')) {
      const value = arg === '--json' ? args[++i] : arg.slice('--json='.length);
      if (!value || value.startsWith('--')) throw new UsageError('--json needs a file name');
      jsonFile = value;
    } else throw new UsageError(`Unknown option ${arg}`);
  }
  return quick
    ? { help, quick, jsonFile, plan: { warmup: 1, rounds: 3 }, smtpMessages: 100, imapMessages: 300, suitePlan: { warmup: 0, rounds: 1 }, loadMessages: 300, loadClients: 10, storeMessages: 5000 }
    : { help, quick, jsonFile, plan: { warmup: 2, rounds: 9 }, smtpMessages: 500, imapMessages: 2000, suitePlan: { warmup: 1, rounds: 3 }, loadMessages: 5000, loadClients: 50, storeMessages: 100_000 };
}
