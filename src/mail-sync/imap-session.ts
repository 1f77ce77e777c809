import type { ImapFlow } from 'imapflow';
import { endImapClient, openImapClient } from './imap-client.ts';
import type { FolderDirectory } from './folder-directory.ts';
import type { ImapAccount, RemoteFolder } from './sync-types.ts';

/**
 * One open IMAP connection of the connector, kept across synchronisations. It remembers what the
 * server told it unasked: a folder whose size the server reported with EXISTS (RFC 3501 §7.3.1)
 * while it was selected has news; a selected folder without such a report has none.
 */
export class ImapSession {
  readonly client: ImapFlow;
  private readonly reported = new Set<string>();
  private listed = false;

  private constructor(client: ImapFlow) {
    this.client = client;
    // Any change of size counts: an arrival and an expunge reported together may leave the count
    // where it was, so only "a report came" is certain.
    client.on('exists', (event: { path: string }) => this.reported.add(event.path));
  }

  static async open(account: ImapAccount): Promise<ImapSession> {
    return new ImapSession(await openImapClient(account, 'synchronisation'));
  }

  /** False once the server or the network closed the connection (imapflow's own view). */
  get usable(): boolean {
    return this.client.usable;
  }

  /** The folder selected on this connection, if any. */
  get selected(): string | undefined {
    return this.client.mailbox ? this.client.mailbox.path : undefined;
  }

  /** Lists the folders through the directory, so this connection knows them too. */
  async folders(directory: FolderDirectory): Promise<readonly RemoteFolder[]> {
    const folders = await directory.refresh(this.client);
    this.listed = true;
    return folders;
  }

  /** imapflow opens a folder it has not listed by listing it first, with LSUB: list once instead. */
  async ensureListed(directory: FolderDirectory): Promise<void> {
    if (!this.listed) await this.folders(directory);
  }

  /** Whether the server reported a new size of this folder since the last takeReport. */
  hasReport(folder: string): boolean {
    return this.reported.has(folder);
  }

  /** Forgets the reports of this folder: called just before reading it, so later ones count. */
  takeReport(folder: string): void {
    this.reported.delete(folder);
  }

  /** Puts a report back when reading the folder failed, so the next sync reads it again. */
  keepReport(folder: string): void {
    this.reported.add(folder);
  }

  async end(): Promise<void> {
    await endImapClient(this.client);
  }

  /** Drops the connection at once, without a word to the server. */
  drop(): void {
    this.client.close();
  }
}
