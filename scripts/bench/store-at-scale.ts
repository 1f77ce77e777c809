/**
 * The store at scale: a folder of 100,000 messages of about 1 KB, read whole as a CRM connector
 * first looks at it (FETCH 1:* (UID FLAGS ENVELOPE), by imapflow). The server runs in a process
 * of its own (store-at-scale-server.ts); reported are its resident size once filled, the FETCH's
 * time, the highest resident size during the FETCH and the size once the session is over and
 * garbage collected. The baseline is the store's own size, the octets of its messages: the
 * FETCH should peak at no more than about twice that above the filled server, and give it back.
 */
import { ImapFlow } from 'imapflow';
import { startChild } from './child-process.ts';
import type { Resources } from './resources.ts';

const STORE_USER = 'bench@acme.test';
const STORE_PASSWORD = 'bench-secret';

export interface StoreAtScale {
  readonly messages: number;
  readonly storeBytes: number;
  readonly rssFilled: number;
  readonly fetchMs: number;
  readonly rssPeak: number | undefined;
  readonly rssAfter: number;
  /** Live heap once filled and once the session is over, each after a garbage collection. */
  readonly heapFilled: number;
  readonly heapAfter: number;
  /** The highest live-and-garbage heap seen during the FETCH (sampled every 10 ms by the server). */
  readonly heapPeak: number;
  /** The server's CPU time from the FETCH's start to the session's end, less prone to other load than fetchMs. */
  readonly serverCpuMs: number;
}

export async function measureStoreAtScale(count: number, resources: Resources): Promise<StoreAtScale> {
  const server = startChild('store-at-scale server', 'scripts/bench/store-at-scale-server.ts', [String(count), STORE_USER, STORE_PASSWORD], ['--expose-gc'], resources);
  const ready = JSON.parse(await server.nextLine((line) => line.includes('"ready"'))) as { imapPort: number; storeBytes: number; rss: number; heap: number };
  const client = new ImapFlow({ host: '127.0.0.1', port: ready.imapPort, secure: false, auth: { user: STORE_USER, pass: STORE_PASSWORD }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  await client.mailboxOpen('INBOX', { readOnly: true });
  server.child.stdin.write('sample\n');
  const sampler = server.samplePeak();
  const started = performance.now();
  let fetched = 0;
  for await (const message of client.fetch('1:*', { uid: true, flags: true, envelope: true })) {
    if (message.envelope?.messageId) fetched++;
  }
  const fetchMs = performance.now() - started;
  const rssPeak = sampler.stop();
  await client.logout();
  if (fetched !== count) throw new Error(`The FETCH returned ${fetched} envelopes for ${count} messages`);
  server.child.stdin.write('gc\n');
  const after = JSON.parse(await server.nextLine((line) => line.includes('"rss"'))) as { rss: number; heap: number; heapPeak: number; cpuMs: number };
  server.child.stdin.end();
  return { messages: count, storeBytes: ready.storeBytes, rssFilled: ready.rss, fetchMs, rssPeak, rssAfter: after.rss, heapFilled: ready.heap, heapAfter: after.heap, heapPeak: after.heapPeak, serverCpuMs: after.cpuMs };
}
