import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CucumberHtmlStream } from '@cucumber/html-formatter';
import type { Envelope } from '@cucumber/messages';
import { parseEnvelopes } from '../run/envelopes.ts';
import type { RunDetails } from '../run/run-details.ts';
import { buildRunModel } from '../run/run-model.ts';
import { writeRunReports } from '../run-reports.ts';
import { mergeEnvelopes, runDuration } from './merge-envelopes.ts';

interface ShardRun {
  readonly file: string;
  readonly envelopes: Envelope[];
  readonly details?: RunDetails;
}

export interface MergeResult {
  readonly summaryFile: string;
  /** Scenarios with a result (each counted once), and the suite's scenarios in all. */
  readonly scenarios: number;
  readonly suite: number;
  /** Shards missing, given twice, unfinished, or from different splits: the set cannot be trusted whole. */
  readonly problems: readonly string[];
}

/**
 * Whether a set of runs is one whole run: with shards, each of 1..n exactly once, from the same
 * split, and each with a result for every scenario it was dealt. Returns the runs to read (one
 * copy of a repeated shard) and what is wrong.
 */
export function checkShards(runs: readonly ShardRun[]): { keep: ShardRun[]; problems: string[] } {
  const sharded = runs.filter((r) => r.details?.shard);
  if (sharded.length === 0) return { keep: [...runs], problems: [] };
  const problems: string[] = [];
  for (const r of runs.filter((r) => !r.details?.shard)) problems.push(`${r.file} is not a shard (its run.json records no --shard), so the set cannot be checked with it`);
  const totals = [...new Set(sharded.map((r) => r.details!.shard!.total))];
  if (totals.length > 1) problems.push(`The shards come from different splits: ${sharded.map((r) => `${r.file} is shard ${r.details!.shard!.index} of ${r.details!.shard!.total}`).join('; ')}`);
  const total = Math.max(...totals);
  const keep: ShardRun[] = runs.filter((r) => !r.details?.shard);
  for (let index = 1; index <= total; index++) {
    const copies = sharded.filter((r) => r.details!.shard!.index === index && r.details!.shard!.total === total);
    if (copies.length === 0) problems.push(`Shard ${index} of ${total} is missing: none of the files given is its messages`);
    if (copies.length > 1) problems.push(`Shard ${index} of ${total} is given ${copies.length} times (${copies.map((c) => c.file).join(', ')}); it is counted once`);
    const first = copies[0];
    if (!first) continue;
    keep.push(first);
    const ran = new Set(buildRunModel(first.envelopes).scenarios.map((s) => `${s.uri}:${s.line}`));
    const unfinished = first.details!.shard!.dealt.filter((place) => !ran.has(place));
    if (unfinished.length) problems.push(`Shard ${index} of ${total} has no result for ${unfinished.length} of the ${first.details!.shard!.dealt.length} scenarios it was dealt (it stopped early?), e.g. ${unfinished[0]}`);
  }
  return { keep, problems };
}

async function readRun(file: string): Promise<ShardRun> {
  let envelopes: Envelope[];
  try {
    envelopes = parseEnvelopes(await readFile(file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : error instanceof Error ? error.message : String(error);
    throw new Error(`${file}: ${why}`);
  }
  // Each shard's reports folder holds its run.json beside its messages (written by the reports formatter).
  const detailsText = await readFile(join(dirname(file), 'run.json'), 'utf8').catch(() => undefined);
  let details: RunDetails | undefined;
  if (detailsText !== undefined) {
    try {
      details = JSON.parse(detailsText) as RunDetails;
    } catch {
      throw new Error(`${join(dirname(file), 'run.json')} is not JSON`);
    }
  }
  return { file, envelopes, ...(details && { details }) };
}

async function writeCucumberHtml(envelopes: readonly Envelope[], file: string): Promise<void> {
  await pipeline(Readable.from(envelopes), new CucumberHtmlStream(), createWriteStream(file));
}

/**
 * `npm run report -- <messages.ndjson>...`: the reports again from messages files, without running
 * anything and without adding to the history. Given every shard of a CI run (each file with its
 * run.json beside it), it makes one FAQ page, one summary, one JUnit XML and one Cucumber HTML
 * report for the whole run; a shard missing, repeated or unfinished is a problem the reports show
 * with a "Partial run" banner and the command's exit code reports.
 */
export async function mergeReports(messageFiles: readonly string[], directory: string, cwd: string = process.cwd()): Promise<MergeResult> {
  if (messageFiles.length === 0) throw new Error('Name the messages files to report on, e.g. npm run report -- shard-1/messages.ndjson shard-2/messages.ndjson');
  const runs = await Promise.all(messageFiles.map(readRun));
  const { keep, problems } = checkShards(runs);
  const envelopes = mergeEnvelopes(keep.map((r) => r.envelopes));
  const durations = keep.map((r) => runDuration(r.envelopes));
  const first = keep.find((r) => r.details)?.details;
  const details: RunDetails = {
    ...first,
    node: first?.node ?? process.version,
    ...(first?.startedAt && { startedAt: keep.map((r) => r.details?.startedAt ?? first.startedAt!).sort()[0]! }),
  };
  delete (details as { shard?: unknown }).shard;
  delete (details as { wallMs?: unknown }).wallMs;
  const { summary, results } = await writeRunReports(envelopes, {
    directory, cwd, recordHistory: false, details, problems,
    wallMs: Math.max(0, ...durations), machineMs: durations.reduce((a, b) => a + b, 0),
  });
  const summaryFile = join(directory, 'summary.md');
  await writeFile(summaryFile, summary, 'utf8');
  await writeFile(join(directory, 'messages.ndjson'), envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
  await writeCucumberHtml(envelopes, join(directory, 'cucumber.html'));
  return { summaryFile, scenarios: results.filter((r) => r.verdict !== 'not-run').length, suite: results.length, problems };
}
