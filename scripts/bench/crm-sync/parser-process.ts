/**
 * The floor under the CRM sync's CPU time: mailparser alone reading the messages of the same
 * corpus, each as the connector hands it to mailparser (header bytes repaired, attachment bodies
 * left out: parserInput in src/mail-sync/parse-message.ts), one after the other, in a process
 * that does nothing else. What the CRM's process spends beyond this is IMAP, the MIME scan and
 * the CRM's intake.
 *
 *   node --import ./scripts/register-ts.mjs scripts/bench/crm-sync/parser-process.ts <count> <seed>
 *
 * Builds the corpus and each message's parser input before it prints `ready`; on `go` it reads
 * them all, prints one JSON line (sync-report.ts, ParserReport) and exits.
 */
import { simpleParser } from 'mailparser';
import { PARSER_OPTIONS, parserInput } from '../../../src/mail-sync/index.ts';
import { buildCorpus } from '../corpus.ts';
import { readyThenGo } from './child-run.ts';
import type { ParserReport } from './sync-report.ts';

const [count, seed] = process.argv.slice(2).map(Number);
if (!Number.isInteger(count) || !Number.isInteger(seed)) throw new Error('Usage: parser-process.ts <count> <seed>');
const inputs = buildCorpus({ count: count!, seed: seed! }).messages.map((message) => parserInput(message.raw).input);

await readyThenGo();
let parsed = 0;
let failures = 0;
const before = process.cpuUsage();
for (const input of inputs) {
  try {
    await simpleParser(input, PARSER_OPTIONS);
    parsed++;
  } catch {
    failures++;
  }
}
const cpu = process.cpuUsage(before);
const report: ParserReport = { parsed, failures, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
