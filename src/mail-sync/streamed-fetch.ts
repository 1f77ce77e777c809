import type { FetchMessageObject, FetchQueryObject, ImapFlow } from 'imapflow';

/**
 * What this file relies on in imapflow (2.10, `dist/esm/commands/fetch.js`): `run('FETCH', range,
 * query, { uid, onUntaggedFetch })` calls `onUntaggedFetch(message, done)` for each untagged FETCH
 * response as it is parsed, and reads the next response only once `done()` is called.
 */
interface FetchRunner {
  run(
    command: 'FETCH',
    range: string,
    query: FetchQueryObject,
    options: { uid: boolean; onUntaggedFetch: (message: FetchMessageObject, done: (error?: Error) => void) => void },
  ): Promise<unknown>;
}

/**
 * How many fetched messages may wait to be handed over before imapflow is asked to wait: enough
 * that what the server sent before a cut is taken in before the cut closes the connection.
 */
const WINDOW = 8;

/**
 * UID FETCH that hands each message to `each` as the server sends it, in order, and finishes
 * handing over every message that arrived even when the connection is lost before the tagged reply.
 *
 * imapflow's public `fetch()` generator cannot promise that: it reads the next response only once
 * the caller is done with the last, and once the socket has closed it neither reads on nor yields
 * what it holds, so messages that did arrive are lost to the caller while it works on one (with the
 * mock server's `drop-mid-fetch:after=2`, the second of every cut FETCH). The FETCH command's own
 * streaming callback, which `fetch()` is built on, lets imapflow read on at once; `done()` is held
 * back only when WINDOW messages wait, which keeps memory bounded on a large folder.
 */
export async function fetchEach(client: ImapFlow, range: string, query: FetchQueryObject, each: (message: FetchMessageObject) => Promise<void>): Promise<void> {
  const runner = client as unknown as Partial<FetchRunner>;
  if (typeof runner.run !== 'function') {
    throw new Error('imapflow no longer has run(); src/mail-sync/streamed-fetch.ts relies on it to stream FETCH responses');
  }
  let handing: Promise<void> = Promise.resolve();
  let waiting = 0;
  const fetched = runner.run('FETCH', range, query, {
    uid: true,
    onUntaggedFetch: (message, done) => {
      waiting++;
      const handed = (handing = handing.then(() => each(message)).finally(() => void waiting--));
      if (waiting < WINDOW) done();
      else handed.then(() => done(), (error: unknown) => done(error instanceof Error ? error : new Error(String(error))));
    },
  });
  try {
    await fetched;
  } finally {
    // What arrived before a cut is handed over before the cut is reported.
    await handing;
  }
}
