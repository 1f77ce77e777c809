import { readFile, writeFile } from 'node:fs/promises';
import { renderFaqPage } from './faq-page.ts';
import { readRunResults } from './run-results.ts';

/** Builds the FAQ page from a messages file alone (no history): for a run's messages kept elsewhere. */
export async function writeFaqPage(messagesFile: string, pageFile: string, now: Date = new Date()): Promise<void> {
  const results = readRunResults(await readFile(messagesFile, 'utf8'));
  await writeFile(pageFile, renderFaqPage(results, now), 'utf8');
}
