import type { FetchMessageObject } from 'imapflow';
import type { ImapSession } from './imap-session.ts';
import { fetchEach } from './streamed-fetch.ts';
import type { SyncState } from './sync-state.ts';

/** Hands one fetched message to the CRM and moves the folder's cursor past it. */
export type HandOver = (folder: string, uidValidity: number, message: FetchMessageObject) => Promise<void>;

/** BODY.PEEK[] (imapflow's `source`), so reading never sets \Seen (RFC 3501 §6.4.5). */
const MESSAGE_QUERY = { uid: true, flags: true, internalDate: true, size: true, source: true } as const;

/**
 * Reads what is new in one folder, asking only what the connector cannot already know:
 * - the selected folder: the server reports new mail there unasked (EXISTS, RFC 3501 §7.3.1);
 *   a NOOP gives it the chance (§6.1.2), and without a report there is nothing to fetch. STATUS
 *   is not used on the selected folder (§6.3.10);
 * - a folder read before: STATUS UIDNEXT UIDVALIDITY; when neither moved, nothing is new;
 * - otherwise EXAMINE, read-only so nothing changes on the server (§6.3.2), and UID FETCH of the
 *   UIDs not yet seen. Each message is handed over as it arrives, so a fetch cut short keeps
 *   what came before the cut and the next attempt starts after it.
 */
export async function readFolder(session: ImapSession, folder: string, state: SyncState, handOver: HandOver): Promise<void> {
  try {
    if (session.selected === folder) await readSelected(session, folder, state, handOver);
    else await readOther(session, folder, state, handOver);
  } catch (error) {
    // A refusal leaves the folder selected with its news unread: the next sync must not take
    // the silence after it for "nothing new".
    session.keepReport(folder);
    throw error;
  }
}

async function readOther(session: ImapSession, folder: string, state: SyncState, handOver: HandOver): Promise<void> {
  if (state.cursor(folder)) {
    const status = await session.client.status(folder, { uidNext: true, uidValidity: true });
    // A server that refuses STATUS (or leaves an item out) is read the long way below.
    if (status && status.uidNext !== undefined && status.uidValidity !== undefined) {
      if (!state.hasNew(folder, Number(status.uidValidity), status.uidNext)) return;
    }
  }
  session.takeReport(folder);
  const mailbox = await session.client.mailboxOpen(folder, { readOnly: true });
  const uidValidity = Number(mailbox.uidValidity);
  const uidNext = Number(mailbox.uidNext);
  const from = state.nextUid(folder, uidValidity);
  // An explicit upper bound: "N:*" would also match the highest UID below N (RFC 3501 §6.4.8),
  // and mail arriving after EXAMINE is reported by EXISTS and read on the next sync.
  if (mailbox.exists > 0 && from < uidNext) await fetchFrom(session, folder, uidValidity, from, `${from}:${uidNext - 1}`, handOver);
  state.seenUpTo(folder, uidValidity, uidNext);
}

async function readSelected(session: ImapSession, folder: string, state: SyncState, handOver: HandOver): Promise<void> {
  if (!session.hasReport(folder)) await session.client.noop();
  if (!session.hasReport(folder)) return;
  session.takeReport(folder);
  const mailbox = session.client.mailbox;
  if (!mailbox || mailbox.exists === 0) return;
  const uidValidity = Number(mailbox.uidValidity);
  const from = state.nextUid(folder, uidValidity);
  await fetchFrom(session, folder, uidValidity, from, `${from}:*`, handOver);
}

async function fetchFrom(session: ImapSession, folder: string, uidValidity: number, from: number, range: string, handOver: HandOver): Promise<void> {
  await fetchEach(session.client, range, MESSAGE_QUERY, async (message) => {
    // "N:*" also matches the highest UID when it is below N (RFC 3501 §6.4.8).
    if (message.uid >= from) await handOver(folder, uidValidity, message);
  });
}
