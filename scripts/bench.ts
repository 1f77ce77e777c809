/**
 * `npm run bench`: the mock mail server against baselines measured in the same run, as ratios
 * (absolute times on a shared machine are noisy; ratios of interleaved medians travel better).
 *
 *   1. SMTP throughput into the store vs a bare smtp-server that only drains DATA.
 *   2. IMAP fetch of a large folder vs hoodiecrow-imap and, when installed, Dovecot; every
 *      server in a process of its own, the client (imapflow) in this one.
 *   3. Building blocks of the simulation vs starting and stopping the server.
 *   4. The FAQ suite (every scenario of features/faq) vs a scenario whose only step does nothing.
 *   5. `npm start` as a whole process, every feature, vs the same over one empty scenario.
 *   6. The CRM's sync of a whole mailbox (1,000 to 10,000 messages), each size vs the next
 *      smaller one; the CRM's CPU time and peak memory against the project's targets.
 *   7. SMTP under many clients at once (lost, duplicated, msg/s, RSS) vs one client, and a
 *      folder of 100,000 messages (RSS, FETCH time, peak RSS, RSS after) vs the store's size.
 *
 * Prints a Markdown table, and one of figures with targets; `--json <file>` writes every
 * sample; `--quick` is a smoke run; `--only crm-sync,faq` runs only those sections.
 * Every server, client, child process and temporary folder is released however the run ends.
 */
import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareBuildingBlocks } from './bench/building-blocks.ts';
import { compareCrmSync } from './bench/crm-sync.ts';
import { markdownFigures, type Figure } from './bench/figures.ts';
import { loadTable } from './bench/load-and-memory.ts';
import { measureSmtpLoad, type SmtpLoad } from './bench/smtp-load.ts';
import { measureStoreAtScale, type StoreAtScale } from './bench/store-at-scale.ts';
import { compareFaqSuite } from './bench/faq-suite.ts';
import { compareSuiteProcess } from './bench/suite-process.ts';
import type { Comparison } from './bench/comparison.ts';
import { buildCorpus } from './bench/corpus.ts';
import { startImapServers } from './bench/imap-servers/start-all.ts';
import { BODY_WORKLOAD, compareImapFetch, ENVELOPE_WORKLOAD } from './bench/imap-fetch.ts';
import { describeMachine, loadAverage, machineLine } from './bench/machine.ts';
import { parseBenchOptions, USAGE, UsageError, type BenchOptions } from './bench/options.ts';
import { jsonReport, markdownTable } from './bench/report.ts';
import { withResources } from './bench/resources.ts';
import { compareSmtpThroughput } from './bench/smtp-throughput.ts';

const SYNC_MESSAGES = 200;

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

interface LoadRows {
  load?: { many: SmtpLoad; one: SmtpLoad };
  store?: StoreAtScale;
}

async function run(options: BenchOptions, rows: LoadRows): Promise<{ comparisons: Comparison[]; figures: Figure[] }> {
  return withResources(async (resources) => {
    const comparisons: Comparison[] = [];
    const figures: Figure[] = [];
    const runs = (section: BenchOptions['sections'][number]) => options.sections.includes(section);

    if (runs('load')) {
      progress(`SMTP load: ${options.loadMessages} messages from ${options.loadClients} clients, then from 1…`);
      const loadCorpus = buildCorpus({ count: options.loadMessages, seed: 4 }).messages;
      rows.load = { many: await measureSmtpLoad(loadCorpus, options.loadClients, resources), one: await measureSmtpLoad(loadCorpus, 1, resources) };
    }

    if (runs('store')) {
      progress(`Store at scale: ${options.storeMessages} messages…`);
      rows.store = await measureStoreAtScale(options.storeMessages, resources);
    }

    if (runs('smtp')) {
      progress(`SMTP throughput: ${options.smtpMessages} messages…`);
      const smtpCorpus = buildCorpus({ count: options.smtpMessages, seed: 1 });
      comparisons.push(await compareSmtpThroughput(smtpCorpus.messages, options.plan, resources));
    }

    if (runs('imap')) {
      progress(`IMAP fetch: ${options.imapMessages} messages…`);
      const imapSeed = 2;
      const imapCorpus = buildCorpus({ count: options.imapMessages, seed: imapSeed });
      const { ours, baselines } = await startImapServers(imapCorpus, imapSeed, resources, progress);
      comparisons.push(...(await compareImapFetch({ corpus: imapCorpus, ours, baselines, workloads: [ENVELOPE_WORKLOAD, BODY_WORKLOAD], plan: options.plan, resources })));
    }

    if (runs('blocks')) {
      progress('Building blocks…');
      comparisons.push(...(await compareBuildingBlocks(buildCorpus({ count: SYNC_MESSAGES, seed: 3 }), options.plan, resources)));
    }

    if (runs('faq')) {
      progress('FAQ suite…');
      comparisons.push(...(await compareFaqSuite(options.suitePlan, resources)));
    }

    if (runs('suite')) {
      progress('The whole run (npm start)…');
      comparisons.push(...(await compareSuiteProcess(options.suitePlan, resources)));
    }

    if (runs('crm-sync')) {
      progress(`CRM sync: ${options.crmSyncSizes.join(', ')} messages…`);
      const crmSync = await compareCrmSync(options.crmSyncSizes, options.crmSyncPlan, resources, progress);
      comparisons.push(...crmSync.comparisons);
      figures.push(...crmSync.figures);
    }
    return { comparisons, figures };
  }, { releaseOnSignals: true });
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (options.jsonFile) {
    // Find out now, not after a minute and a half of measuring, that the report cannot be written.
    try {
      await access(path.dirname(path.resolve(options.jsonFile)), constants.W_OK);
    } catch {
      process.stderr.write(`Cannot write ${options.jsonFile}: its folder does not exist or is not writable\n`);
      process.exitCode = 2;
      return;
    }
  }
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const rows: LoadRows = {};
  const { comparisons, figures } = await run(options, rows);
  const load = { before: loadBefore, after: loadAverage() };
  const { warmup, rounds } = options.plan;
  process.stdout.write(`\nMachine: ${machineLine(machine)}; load average ${load.before} before, ${load.after} after\n`);
  process.stdout.write(`Median of ${rounds} rounds after ${warmup} warm-up${warmup === 1 ? '' : 's'} (the FAQ suite: ${options.suitePlan.rounds} after ${options.suitePlan.warmup}; the CRM sync: ${options.crmSyncPlan.rounds} after ${options.crmSyncPlan.warmup}), contenders interleaved${options.quick ? ' (--quick: rough figures)' : ''}.\n`);
  process.stdout.write('Ratios are ours ÷ the baseline\'s, round by round, median (and range) over the rounds: below 1 ours is cheaper.\n');
  process.stdout.write('Time is wall-clock; CPU time counts only what the last column names, so other load on the machine hardly moves it.\n\n');
  process.stdout.write(`${markdownTable(comparisons)}\n`);
  if (rows.load || rows.store) process.stdout.write(`\nHolding up: one run each; the servers in processes of their own, RSS read from /proc, heap after a garbage collection.\n\n${loadTable(rows.load, rows.store)}\n`);
  if (figures.length > 0) process.stdout.write(`\nFigures against the project's targets:\n\n${markdownFigures(figures)}\n`);
  if (options.jsonFile) {
    const settings = { quick: options.quick, sections: options.sections, ...options.plan, suitePlan: options.suitePlan, smtpMessages: options.smtpMessages, imapMessages: options.imapMessages, syncMessages: SYNC_MESSAGES, crmSyncSizes: options.crmSyncSizes, crmSyncPlan: options.crmSyncPlan, loadMessages: options.loadMessages, loadClients: options.loadClients, storeMessages: options.storeMessages };
    const report = { ...(jsonReport({ machine: { ...machine, loadAverage: load }, settings, comparisons, figures }) as object), holdingUp: rows };
    await writeFile(options.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    progress(`JSON report: ${options.jsonFile}`);
  }
}

await main();
