import type { Crm } from '../crm/index.ts';
import type { AppendRequest, AppendResult, ImapAccount } from '../mail-sync/index.ts';
import { MailboxConnection, type SyncResult } from './mailbox-connection.ts';
import type { WireLog } from './wire-log.ts';

interface Connected {
  readonly address: string;
  readonly connection: MailboxConnection;
  syncs: number;
}

/**
 * The scenario's connected mailboxes, each with its connector's IMAP session, open from the
 * first synchronisation until the scenario stops. Each synchronisation is marked in the traffic
 * log, so the lines of a session that spans several of them read in order.
 */
export class ConnectedMailboxes {
  private readonly crm: Crm;
  private readonly wireLog: WireLog;
  private readonly connected = new Map<number, Connected>();
  private readonly log: SyncResult[] = [];

  constructor(crm: Crm, wireLog: WireLog) {
    this.crm = crm;
    this.wireLog = wireLog;
  }

  add(mailboxId: number, address: string, imap: ImapAccount): void {
    this.connected.set(mailboxId, { address, connection: new MailboxConnection(this.crm, mailboxId, imap), syncs: 0 });
  }

  get mailboxIds(): number[] {
    return [...this.connected.keys()];
  }

  get synchronisations(): readonly SyncResult[] {
    return this.log;
  }

  /** Runs the mailbox's connector once; a message it could not hand over fails the call, naming it. */
  async synchronise(mailboxId: number): Promise<SyncResult> {
    const entry = this.connected.get(mailboxId);
    if (!entry) throw new Error(`The mailbox ${this.crm.mailboxById(mailboxId).address} is not connected in this scenario`);
    const name = `${entry.address}: synchronisation ${++entry.syncs}`;
    this.wireLog.note(`${name} starts`);
    let result: SyncResult;
    try {
      result = await entry.connection.synchronise();
    } catch (error) {
      this.wireLog.note(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    this.wireLog.note(`${name} ends: ${describe(result)}`);
    this.log.push(result);
    // A message the connector could not hand over is a defect in the chain, not a CRM decision:
    // fail here, naming it, rather than let a later assertion fail without the cause.
    if (result.failures.length > 0) {
      const list = result.failures.map((f) => `${f.folder} UID ${f.uid}: ${f.reason}`).join('; ');
      throw new Error(`Synchronising ${entry.address} failed for ${result.failures.length} message(s): ${list}`);
    }
    return result;
  }

  /** How the mailbox's sent mail is filed in its Sent folder: over its connector's session, when it is connected. */
  sentFiler(mailboxId: number): ((request: AppendRequest) => Promise<AppendResult>) | undefined {
    const entry = this.connected.get(mailboxId);
    return entry && ((request) => entry.connection.append(request));
  }

  /** Ends every connector's session (LOGOUT), so no socket outlives the scenario. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.connected.values()].map((entry) => entry.connection.close()));
  }
}

function describe(result: SyncResult): string {
  const session = result.connections === 0 ? 'on the IMAP session already open' : `${result.connections} connection(s) opened`;
  return `${result.fetched} e-mail(s) fetched, ${result.reconnects} reconnect(s), ${session}`;
}
