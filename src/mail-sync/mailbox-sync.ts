import { createHash } from 'node:crypto';
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import { parseMessage, type ParsedEmail } from './parse-message.ts';
import { problem } from './reading-problems.ts';
import { SyncState } from './sync-state.ts';

export interface ImapAccount {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface RemoteFolder {
  path: string;
  /** RFC 6154 attribute (\Sent, \Junk, \Trash, \Drafts) as the server or the folder's name says. */
  specialUse?: string;
}

/** One new message as found on the server, parsed, with the IMAP facts the CRM needs. */
export interface SyncedMessage extends ParsedEmail {
  folder: string;
  uidValidity: number;
  uid: number;
  /** INTERNALDATE: when the server received it (R5.1). */
  receivedAt: Date;
  /** \Seen at sync time: a message already read becomes a completed activity (R5.4). */
  seen: boolean;
  /** RFC822.SIZE: the message's size in octets, shown even for a message that cannot be read. */
  size: number;
  /**
   * SHA-256 of the raw message, hex: what identifies a message without a Message-ID, so that
   * syncing it again from another folder or after a UIDVALIDITY change never saves it twice (R1.5).
   */
  contentDigest: string;
}

/**
 * How far a Date field may run ahead of the server's INTERNALDATE: a sender's clock may be off
 * by time zone mistakes of up to a day (RFC 5322 §3.3 zones reach ±99:59); beyond that the Date
 * cannot be when the message was written, and the receipt time stands instead (R5.1).
 */
export const FUTURE_DATE_TOLERANCE_MS = 26 * 60 * 60 * 1000;

/** The other end of the connector: the CRM, seen only through what the connector needs. */
export interface SyncTarget {
  registerFolders(folders: readonly RemoteFolder[]): void;
  foldersToSync(): readonly string[];
  receive(message: SyncedMessage): void;
}

export interface SyncFailure {
  folder: string;
  uid: number;
  reason: string;
}

export interface SyncReport {
  folders: string[];
  fetched: number;
  failures: SyncFailure[];
  /** Connections lost and reopened during this synchronisation. */
  reconnects: number;
}

/** How often one synchronisation reopens a lost connection before it gives up. */
export const MAX_RECONNECTS = 3;

/** Messages fetched per UID FETCH of a large sync: bounds the raw mail held at once. */
export const FETCH_BATCH = 250;

/** A UID set (RFC 3501 §9 sequence-set) for ascending UIDs, runs written as ranges. */
export function uidSet(uids: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < uids.length; ) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++;
    parts.push(i === j ? `${uids[i]}` : `${uids[i]}:${uids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The CRM's mail connector for one mailbox, as the real product reaches mail: log in over IMAP,
 * list the folders, and in each folder to sync fetch what is new since the last sync.
 * Folders are opened with EXAMINE and bodies fetched with BODY.PEEK[], so syncing never marks
 * a customer's message as read (RFC 3501 §6.3.2, §6.4.5).
 */
export class MailboxSync {
  private readonly account: ImapAccount;
  private readonly target: SyncTarget;
  readonly state = new SyncState();

  constructor(account: ImapAccount, target: SyncTarget) {
    this.account = account;
    this.target = target;
  }

  /**
   * One synchronisation. A connection lost midway (the server went away, the network dropped
   * it) is reopened and the folder resumed from the last message handed over, up to
   * MAX_RECONNECTS times; the cursor advances per message, so nothing is handed over twice
   * (R1.5). A refusal on a working connection (wrong password, a folder that cannot be opened)
   * is not retried: it rejects.
   */
  async syncOnce(): Promise<SyncReport> {
    const report: SyncReport = { folders: [], fetched: 0, failures: [], reconnects: 0 };
    const session = { client: await this.open() };
    try {
      const remote = await this.resilient(session, report, (client) => client.list());
      this.target.registerFolders(remote.map((f) => (f.specialUse ? { path: f.path, specialUse: f.specialUse } : { path: f.path })));
      const existing = new Set(remote.map((f) => f.path));
      for (const folder of this.target.foldersToSync()) {
        if (!existing.has(folder)) continue;
        report.folders.push(folder);
        await this.resilient(session, report, (client) => this.syncFolder(client, folder, report));
      }
      return report;
    } finally {
      await session.client.logout().catch(() => session.client.close());
    }
  }

  private async resilient<T>(session: { client: ImapFlow }, report: SyncReport, step: (client: ImapFlow) => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await step(session.client);
      } catch (error) {
        if (session.client.usable || report.reconnects >= MAX_RECONNECTS) throw error;
        report.reconnects++;
        session.client.close();
        session.client = await this.open();
      }
    }
  }

  private async open(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: this.account.host,
      port: this.account.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: this.account.user, pass: this.account.password },
      logger: false,
      disableAutoIdle: true,
      disableCompression: true,
    });
    // imapflow emits 'error' for socket trouble; the awaited command rejects as well, which is
    // where it is handled, so the event needs no action beyond not being unhandled.
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  private async syncFolder(client: ImapFlow, folder: string, report: SyncReport): Promise<void> {
    const mailbox = await client.mailboxOpen(folder, { readOnly: true });
    const uidValidity = Number(mailbox.uidValidity);
    const from = this.state.nextUid(folder, uidValidity);
    if (mailbox.exists === 0 || from >= Number(mailbox.uidNext)) return;
    for (const range of await this.fetchRanges(client, from, Number(mailbox.uidNext))) {
      await this.syncRange(client, folder, uidValidity, from, range, report);
    }
  }

  /**
   * The UID sets to fetch, FETCH_BATCH messages at most each, so a large first sync holds one
   * batch of raw messages at a time, not the whole folder. Up to FETCH_BATCH possible new UIDs
   * it is one `from:*`, with no extra round trip; beyond, the new UIDs are asked for first
   * (UID SEARCH), since UIDs may have gaps of any size (RFC 3501 §2.3.1.1).
   */
  private async fetchRanges(client: ImapFlow, from: number, uidNext: number): Promise<string[]> {
    if (uidNext - from <= FETCH_BATCH) return [`${from}:*`];
    const uids = ((await client.search({ uid: `${from}:*` }, { uid: true })) || []).filter((uid) => uid >= from).sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i < uids.length; i += FETCH_BATCH) ranges.push(uidSet(uids.slice(i, i + FETCH_BATCH)));
    return ranges;
  }

  private async syncRange(client: ImapFlow, folder: string, uidValidity: number, from: number, range: string, report: SyncReport): Promise<void> {
    // Collect first, then hand over: imapflow holds the mailbox lock while the fetch runs.
    const fetched: FetchMessageObject[] = [];
    for await (const message of client.fetch(range, { uid: true, flags: true, internalDate: true, size: true, source: true }, { uid: true })) {
      // "N:*" also matches the highest UID when it is below N (RFC 3501 §6.4.8), so filter.
      if (message.uid >= from) fetched.push(message);
    }
    for (const message of fetched) {
      report.fetched++;
      try {
        this.target.receive(await this.toSynced(folder, uidValidity, message));
      } catch (error) {
        report.failures.push({ folder, uid: message.uid, reason: error instanceof Error ? error.message : String(error) });
      }
      this.state.advance(folder, uidValidity, message.uid);
    }
  }

  private async toSynced(folder: string, uidValidity: number, message: FetchMessageObject): Promise<SyncedMessage> {
    if (!message.source) throw new Error(`Server returned no body for UID ${message.uid}`);
    const internalDate = message.internalDate instanceof Date ? message.internalDate : new Date(message.internalDate ?? Number.NaN);
    if (Number.isNaN(internalDate.getTime())) throw new Error(`Server returned no INTERNALDATE for UID ${message.uid}`);
    const { date, ...parsed } = await parseMessage(message.source);
    const future = date !== undefined && date.getTime() - internalDate.getTime() > FUTURE_DATE_TOLERANCE_MS;
    if (future) parsed.readingProblems.push(problem('date-in-future', date.toISOString()));
    return {
      ...parsed,
      ...(date && !future ? { date } : {}),
      folder,
      uidValidity,
      uid: message.uid,
      receivedAt: internalDate,
      seen: message.flags?.has('\\Seen') ?? false,
      size: message.size ?? message.source.length,
      contentDigest: createHash('sha256').update(message.source).digest('hex'),
    };
  }
}
