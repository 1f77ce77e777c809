/**
 * Runs one in-process IMAP server (ours or hoodiecrow) in a process of its own, for the
 * benchmark: Dovecot runs in its own processes, so its work overlaps the client's on another
 * core; the Node servers get the same by living in a child process.
 *
 *   node --import ./scripts/register-ts.mjs scripts/bench/imap-servers/serve.ts <ours|hoodiecrow> <count> <seed>
 *
 * Builds the corpus from count and seed (the parent checks the octet count matches), starts the
 * server, prints one JSON line {name, host, port, user, password, totalBytes}, and serves until
 * its stdin ends: the parent closing it, or dying, stops the server.
 */
import { buildCorpus } from '../corpus.ts';
import { withResources } from '../resources.ts';
import { startHoodiecrow } from './hoodiecrow.ts';
import type { ImapTarget } from './imap-target.ts';
import { startOurImap } from './ours.ts';

const [kind, count, seed] = process.argv.slice(2);
const starters = { ours: startOurImap, hoodiecrow: startHoodiecrow } as const;
if (kind !== 'ours' && kind !== 'hoodiecrow') throw new Error(`Unknown server "${kind}"; use ours or hoodiecrow`);
const corpus = buildCorpus({ count: Number(count), seed: Number(seed) });

await withResources(async (resources) => {
  const target: ImapTarget = await starters[kind](corpus, resources);
  process.stdout.write(`${JSON.stringify({ ...target, totalBytes: corpus.totalBytes })}\n`);
  process.stdin.resume();
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('error', () => resolve());
  });
}, { releaseOnSignals: true });
