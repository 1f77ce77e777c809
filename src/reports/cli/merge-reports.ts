import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { parseEnvelopes } from '../run/envelopes.ts';
import { writeRunReports } from '../run-reports.ts';

/**
 * `npm run report -- <messages.ndjson>...`: the summary and the FAQ page again from messages
 * files, without running anything and without adding to the history. Given the messages of every
 * shard of a CI run, it makes one summary and one FAQ page for the whole run.
 */
export async function mergeReports(messageFiles: readonly string[], directory: string): Promise<{ summaryFile: string; scenarios: number }> {
  if (messageFiles.length === 0) throw new Error('Name the messages files to report on, e.g. npm run report -- shard-1/messages.ndjson shard-2/messages.ndjson');
  const envelopes: Envelope[] = [];
  for (const file of messageFiles) {
    try {
      envelopes.push(...parseEnvelopes(await readFile(file, 'utf8')));
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const { summary } = await writeRunReports(envelopes, { directory, recordHistory: false });
  const summaryFile = join(directory, 'summary.md');
  await writeFile(summaryFile, summary, 'utf8');
  return { summaryFile, scenarios: envelopes.filter((e) => e.testCase).length };
}
