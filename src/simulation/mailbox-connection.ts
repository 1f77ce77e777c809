import type { Crm, IntakeOutcome } from '../crm/index.ts';
import { MailboxSync, type AppendRequest, type AppendResult, type ImapAccount, type SyncedMessage, type SyncReport } from '../mail-sync/index.ts';

/** What one synchronisation did: the connector's report and the CRM's answer for each new message. */
export interface SyncResult extends SyncReport {
  outcomes: Array<{ message: SyncedMessage; outcome: IntakeOutcome }>;
}

/**
 * A mailbox connected to the CRM: wires the IMAP connector to the CRM's mailbox so that each
 * synchronisation goes over the real protocol and ends in the CRM's routing rules. The
 * connector keeps one IMAP session open from the first synchronisation until close().
 */
export class MailboxConnection {
  readonly mailboxId: number;
  private readonly crm: Crm;
  private readonly sync: MailboxSync;
  private collected: SyncResult['outcomes'] = [];

  constructor(crm: Crm, mailboxId: number, imap: ImapAccount) {
    this.crm = crm;
    this.mailboxId = mailboxId;
    this.sync = new MailboxSync(imap, {
      registerFolders: (folders) => this.crm.registerMailboxFolders(this.mailboxId, folders),
      foldersToSync: () => this.crm.foldersToSync(this.mailboxId),
      receive: (message) => {
        this.collected.push({ message, outcome: this.crm.receiveMailboxMessage(this.mailboxId, message) });
      },
    });
  }

  async synchronise(): Promise<SyncResult> {
    this.collected = [];
    const report = await this.sync.syncOnce();
    return { ...report, outcomes: this.collected };
  }

  /** Files a message (a sent e-mail's copy) over the connector's IMAP session. */
  append(request: AppendRequest): Promise<AppendResult> {
    return this.sync.append(request);
  }

  /** Ends the connector's IMAP session, as when the mailbox is disconnected or the scenario ends. */
  close(): Promise<void> {
    return this.sync.close();
  }
}
