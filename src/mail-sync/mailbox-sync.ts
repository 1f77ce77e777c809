import type { FetchMessageObject } from 'imapflow';
import { appendOn, sentFolderIn, type AppendRequest, type AppendResult } from './append-to-folder.ts';
import { FolderDirectory } from './folder-directory.ts';
import { readFolder } from './folder-reading.ts';
import { ImapSession } from './imap-session.ts';
import { SyncState } from './sync-state.ts';
import { toSyncedMessage } from './synced-message.ts';
import type { ImapAccount, SyncReport, SyncTarget } from './sync-types.ts';

export type { ImapAccount, RemoteFolder, SyncedMessage, SyncTarget, SyncFailure, SyncReport } from './sync-types.ts';
export { FUTURE_DATE_TOLERANCE_MS } from './synced-message.ts';

/**
 * How many reconnects in a row one synchronisation makes when none of them brings a message
 * across; a reconnect after which a message came through starts the count again.
 */
export const MAX_RECONNECTS = 3;

/** One synchronisation under way: what it reports, and its reconnects since a message last came through. */
interface SyncRun {
  readonly report: SyncReport;
  fruitlessReconnects: number;
}

/**
 * The CRM's mail connector for one mailbox, as a mail client reaches mail: one IMAP session,
 * opened at the first synchronisation and kept open for the next ones, which list the folders
 * and read in each folder to sync only what is new (see readFolder). Folders are opened with
 * EXAMINE and bodies fetched with BODY.PEEK[], so syncing never marks a customer's message as
 * read (RFC 3501 §6.3.2, §6.4.5). close() ends the session.
 */
export class MailboxSync {
  private readonly account: ImapAccount;
  private readonly target: SyncTarget;
  readonly state = new SyncState();
  private readonly directory = new FolderDirectory();
  private session: ImapSession | undefined;
  /** Synchronisations run one at a time on the one session. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private closed = false;

  constructor(account: ImapAccount, target: SyncTarget) {
    this.account = account;
    this.target = target;
  }

  /**
   * One synchronisation. Each message is handed to the target as it arrives and the folder's
   * cursor moves past it, so nothing is handed over twice (R1.5). A connection lost midway (the
   * server went away, the network dropped it) is reopened and the folder resumed after the last
   * message handed over; the sync gives up after MAX_RECONNECTS reconnects in a row that bring
   * nothing, and the next one takes up where it stopped. A refusal on a working connection (wrong
   * password, a folder that cannot be opened) is not retried: it rejects.
   */
  syncOnce(): Promise<SyncReport> {
    const sync = this.queue.then(() => this.synchronise());
    this.queue = sync.catch(() => undefined);
    return sync;
  }

  /**
   * Files a message in a folder (the \Sent one unless named) with APPEND on the session, opening
   * it if need be, as a mail client files what it sent over the connection it has (RFC 3501
   * §6.3.11). A lost connection is not tried again: the server may have stored the message
   * already, and a second APPEND would put a second copy in the folder.
   */
  append(request: AppendRequest): Promise<AppendResult> {
    const filing = this.queue.then(() => this.appendNow(request));
    this.queue = filing.catch(() => undefined);
    return filing;
  }

  /**
   * Ends the session with LOGOUT, or cuts it when a synchronisation is still running (that one
   * then fails). A closed connector opens no more connections.
   */
  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    if (this.running) session.drop();
    else await session.end();
  }

  private async synchronise(): Promise<SyncReport> {
    const run = newRun();
    this.running = true;
    try {
      const remote = await this.attempt(run, (session) => session.folders(this.directory));
      this.target.registerFolders(remote);
      const existing = new Set(remote.map((f) => f.path));
      for (const folder of this.target.foldersToSync()) {
        if (!existing.has(folder)) continue;
        run.report.folders.push(folder);
        await this.attempt(run, async (session) => {
          await session.ensureListed(this.directory);
          await readFolder(session, folder, this.state, (path, uidValidity, message) => this.handOver(run, path, uidValidity, message));
        });
      }
      return run.report;
    } finally {
      this.running = false;
    }
  }

  private async appendNow(request: AppendRequest): Promise<AppendResult> {
    this.running = true;
    try {
      const session = await this.openSession(newRun());
      // The folders as the last sync listed them, as a mail client files by the list it has.
      return await appendOn(session.client, request, async () => sentFolderIn(this.directory.current ?? (await session.folders(this.directory))));
    } finally {
      this.running = false;
    }
  }

  /** Runs one step on the session, reopening it as often as the connection is lost and the budget allows. */
  private async attempt<T>(run: SyncRun, step: (session: ImapSession) => Promise<T>): Promise<T> {
    for (;;) {
      const session = await this.openSession(run);
      try {
        return await step(session);
      } catch (error) {
        if (session.usable) throw error;
        this.lose(run, error);
      }
    }
  }

  private async openSession(run: SyncRun): Promise<ImapSession> {
    if (this.closed) throw new Error(`The connector of ${this.account.user} has been closed`);
    if (this.session?.usable) return this.session;
    // Lost while idle between synchronisations (the server said BYE, the network went away).
    if (this.session) this.lose(run, new Error('the connection was closed since the last synchronisation'));
    this.session = await ImapSession.open(this.account);
    run.report.connections++;
    return this.session;
  }

  private lose(run: SyncRun, error: unknown): void {
    this.session?.drop();
    this.session = undefined;
    if (run.fruitlessReconnects >= MAX_RECONNECTS) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `The IMAP connection to ${this.account.host}:${this.account.port} for ${this.account.user} was lost ${MAX_RECONNECTS + 1} times in a row without a message coming through (last: ${reason})`,
        { cause: error },
      );
    }
    run.fruitlessReconnects++;
    run.report.reconnects++;
  }

  private async handOver(run: SyncRun, folder: string, uidValidity: number, message: FetchMessageObject): Promise<void> {
    run.report.fetched++;
    run.fruitlessReconnects = 0;
    try {
      this.target.receive(await toSyncedMessage(folder, uidValidity, message));
    } catch (error) {
      run.report.failures.push({ folder, uid: message.uid, reason: error instanceof Error ? error.message : String(error) });
    }
    this.state.advance(folder, uidValidity, message.uid);
  }
}

function newRun(): SyncRun {
  return { report: { folders: [], fetched: 0, failures: [], reconnects: 0, connections: 0 }, fruitlessReconnects: 0 };
}
