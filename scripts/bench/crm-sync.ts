/**
 * The CRM's sync of a whole mailbox, through the product's path: the messages in the mock mail
 * server (its own process, imap-servers/serve.ts), the CRM's connector syncing them over IMAP
 * (imapflow), parsing (mailparser) and the CRM's intake, in a process of its own
 * (crm-sync/crm-process.ts), so its CPU time and memory are the CRM's alone.
 *
 * What it checks is how the cost grows: each size against the next smaller one, round by round.
 * A linear sync takes twice as long for twice the messages; a CRM that scans everything it
 * knows for each new message takes four times. The CRM's CPU time and peak memory at the
 * largest size are reported as figures, against the project's targets at 10,000 messages.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { timed, type Comparison } from './comparison.ts';
import { checkCrmSyncReport, parseCrmSyncReport, type CrmSyncReport } from './crm-sync/sync-report.ts';
import type { Figure } from './figures.ts';
import { startInChildProcess } from './imap-servers/child-process-server.ts';
import type { ImapTarget } from './imap-servers/imap-target.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, summarise, type Contender, type SamplingPlan } from './sampling.ts';

const CRM_PROCESS = fileURLToPath(new URL('./crm-sync/crm-process.ts', import.meta.url));
const REGISTER_TS = fileURLToPath(new URL('../register-ts.mjs', import.meta.url));
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

/** The CRM's process for one run: started and set up before the timing, told to go inside it. */
class CrmProcess {
  private readonly report: Promise<CrmSyncReport>;
  private readonly child;
  private readonly ready: Promise<void>;
  private readonly forget: () => void;

  constructor(target: ImapTarget, messages: number, resources: Resources) {
    this.child = spawn(process.execPath, ['--import', REGISTER_TS, CRM_PROCESS, target.host, String(target.port), target.user, target.password], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const child = this.child;
    this.forget = resources.addLastResort(`kill the CRM process ${child.pid}`, () => child.kill('SIGKILL'));
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString('utf8')).slice(-4000);
    });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`The CRM process exited (${String(code)}) before it reported:\n${errors.trim()}`);
    });
    exited.catch(() => undefined);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async (): Promise<string> => {
      const line = await Promise.race([lines.next(), exited]);
      if (line.done) return exited;
      return String(line.value);
    };
    this.ready = next().then((line) => {
      if (line !== 'ready') throw new Error(`The CRM process said "${line}" instead of "ready"`);
    });
    this.report = this.ready.then(async () => {
      const report = parseCrmSyncReport(await next());
      checkCrmSyncReport(report, messages);
      return report;
    });
    this.report.catch(() => undefined);
  }

  async started(): Promise<void> {
    await this.ready;
  }

  async run(): Promise<CrmSyncReport> {
    this.child.stdin.write('go\n');
    return this.report;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGKILL');
      await exited;
    }
    this.forget();
  }
}

export interface CrmSyncResults {
  readonly comparisons: Comparison[];
  readonly figures: Figure[];
}

export async function compareCrmSync(sizes: readonly number[], plan: SamplingPlan, resources: Resources, progress: (text: string) => void = () => undefined): Promise<CrmSyncResults> {
  const ordered = [...new Set(sizes)].sort((a, b) => a - b);
  const reports = new Map<number, CrmSyncReport[]>(ordered.map((size) => [size, []]));
  const contenders: Contender[] = [];
  for (const size of ordered) {
    progress(`  a mail server process with ${count.format(size)} messages…`);
    const target = await startInChildProcess('ours', { count: size, seed: CORPUS_SEED }, resources);
    let crm: CrmProcess | undefined;
    let last: CrmSyncReport | undefined;
    contenders.push({
      name: `${size}`,
      prepare: async () => {
        crm = new CrmProcess(target, size, resources);
        await crm.started();
      },
      run: async () => {
        last = await crm!.run();
        reports.get(size)!.push(last);
      },
      finish: async () => {
        await crm?.stop();
        crm = undefined;
      },
      lastRunCpuMs: () => last?.cpuMs,
    });
  }
  const samples = await measureInterleaved(contenders, plan);
  // The warm-up rounds' reports are dropped, as measureInterleaved drops their times.
  const measured = (size: number) => reports.get(size)!.slice(plan.warmup);
  const comparisons = neighbouringSizes(ordered).map((pair): Comparison => ({
    section: SECTION,
    measurement: pairLabel(pair),
    ours: timed(`${count.format(pair.larger)} messages`, samples.get(`${pair.larger}`)!),
    baseline: timed(`${count.format(pair.smaller)} messages`, samples.get(`${pair.smaller}`)!),
    cpuCovers: "the CRM's process",
  }));
  const largest = ordered[ordered.length - 1]!;
  const atTarget = largest === TARGET_MESSAGES;
  const runs = measured(largest);
  const figures: Figure[] = [
    {
      section: SECTION,
      measurement: `CPU time of the CRM's process, ${count.format(largest)} messages`,
      unit: 'ms',
      samples: summarise(runs.map((r) => r.cpuMs)),
      ...(atTarget && { atMost: TARGET_CPU_MS }),
    },
    {
      section: SECTION,
      measurement: `Peak resident memory of the CRM's process, ${count.format(largest)} messages`,
      unit: 'MB',
      samples: summarise(runs.map((r) => r.maxRssBytes / MB)),
      ...(atTarget && { atMost: TARGET_RSS_MB }),
    },
  ];
  return { comparisons, figures };
}
