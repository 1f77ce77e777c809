import { rename } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { withRun, type History, type HistoryRun } from './run-history.ts';

/**
 * Adds a run to the history file (lowdb, JSON) and returns the history. A file that is not a
 * history (hand-edited, truncated) is kept beside it as `.broken` and a new history begins, so a
 * damaged file never fails a test run; the returned note says so.
 */
// Not lowdb's JSONFilePreset: under NODE_ENV=test it keeps the data in memory instead of the file.
async function open(file: string): Promise<Low<History>> {
  const db = new Low<History>(new JSONFile<History>(file), { runs: [] });
  await db.read();
  return db;
}

export async function recordRun(file: string, run: HistoryRun, keep: number): Promise<{ history: History; note?: string }> {
  let note: string | undefined;
  let db = await open(file).catch(async () => {
    await rename(file, `${file}.broken`);
    note = `${file} was not a run history; it was moved to ${file}.broken and a new history begins.`;
    return open(file);
  });
  if (!Array.isArray(db.data?.runs)) {
    await rename(file, `${file}.broken`);
    note = `${file} was not a run history; it was moved to ${file}.broken and a new history begins.`;
    db = await open(file);
  }
  db.data = withRun(db.data, run, keep);
  await db.write();
  return { history: db.data, ...(note && { note }) };
}
