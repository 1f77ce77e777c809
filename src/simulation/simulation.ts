import { headerValues, MockMailServer, type OutboundMessage } from '../../mock-servers/index.ts';
import { Crm, type ConnectedMailbox, type EmailActivity, type Employee, type IntakeOutcome, type Lead, type MailboxMessage } from '../crm/index.ts';
import { SmtpSender, type SendResult } from '../mail-sync/index.ts';
import { MailboxConnection, type SyncResult } from './mailbox-connection.ts';
import { VirtualClock } from './virtual-clock.ts';
import { WireLog } from './wire-log.ts';

export interface SimulationOptions {
  /** When the scenario starts; a Monday morning unless a scenario says otherwise. */
  start?: Date;
}

export interface IncomingEmail {
  /** "Name <address>" or a bare address. */
  from: string;
  to: string;
  subject: string;
  text?: string;
  /** Marks the message as an upstream spam filter does (X-Spam-Flag: YES). */
  markedAsSpam?: boolean;
}

export const DEFAULT_START = new Date('2026-03-02T09:00:00Z');

/**
 * One simulated world per scenario: a virtual clock, the mock mail server on ephemeral ports,
 * the CRM, and the connections between them. Steps drive it; it holds no business rules.
 */
export class Simulation {
  readonly clock: VirtualClock;
  readonly mail: MockMailServer;
  readonly crm: Crm;
  private readonly connections = new Map<number, MailboxConnection>();
  private outsideWorld: SmtpSender | undefined;
  private readonly syncLog: SyncResult[] = [];
  private readonly manualOutcomes: IntakeOutcome[] = [];
  /** The scenario's SMTP and IMAP traffic, for the report of a failed scenario. */
  readonly wireLog = new WireLog();

  private constructor(options: SimulationOptions) {
    this.clock = new VirtualClock(options.start ?? DEFAULT_START);
    const now = () => this.clock.now();
    this.mail = new MockMailServer({ clock: now });
    this.crm = new Crm({ clock: now });
    this.mail.onWire((event) => this.wireLog.record(event));
  }

  static async start(options: SimulationOptions = {}): Promise<Simulation> {
    const simulation = new Simulation(options);
    await simulation.mail.start();
    return simulation;
  }

  async stop(): Promise<void> {
    this.outsideWorld?.close();
    await this.mail.stop();
  }

  addEmployee(name: string, flags: { isAdministrator?: boolean; canEditSettings?: boolean; active?: boolean } = {}): Employee {
    return this.crm.addEmployee({ name, ...flags });
  }

  /**
   * Creates the account on the mail server and connects it to the CRM as the employee does in
   * Mail: the first synchronisation lists the server's folders, so the folder settings can offer them.
   */
  async connectMailbox(address: string, connectorName: string): Promise<ConnectedMailbox> {
    const password = `secret-${address}`;
    this.mail.addAccount(address, password);
    const mailbox = this.crm.connectMailbox({ address, connectorId: this.crm.employeeByName(connectorName).id });
    const { host, imapPort } = this.mail.address;
    const connection = new MailboxConnection(this.crm, mailbox.id, { host, port: imapPort, user: address, password });
    this.connections.set(mailbox.id, connection);
    await this.synchronise(address);
    return mailbox;
  }

  /** An employee changes the mailbox's CRM settings, as in Mail > Settings (R4.3 decides who may). */
  changeMailboxSettings(employeeName: string, mailboxAddress: string, patch: Record<string, unknown>): ConnectedMailbox {
    const mailbox = this.crm.mailbox(mailboxAddress);
    return this.crm.updateMailboxSettings(this.crm.employeeByName(employeeName).id, mailbox.id, patch);
  }

  /** Setup: the mailbox's connector chooses these settings, as when connecting it. */
  configureMailbox(mailboxAddress: string, patch: Record<string, unknown>): ConnectedMailbox {
    const mailbox = this.crm.mailbox(mailboxAddress);
    return this.crm.updateMailboxSettings(mailbox.connectorId, mailbox.id, patch);
  }

  /** A customer or other outside party sends mail through the SMTP server, as any MTA would. */
  async sendFromOutside(email: IncomingEmail): Promise<SendResult> {
    const { host, smtpPort } = this.mail.address;
    this.outsideWorld ??= new SmtpSender({ host, port: smtpPort });
    return this.outsideWorld.send({
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text ?? `${email.subject}\n`,
      date: this.clock.now(),
      ...(email.markedAsSpam ? { headers: { 'X-Spam-Flag': 'YES' } } : {}),
    });
  }

  /** Runs the mailbox's connector once over IMAP; every new message reaches the CRM's rules. */
  async synchronise(mailboxAddress: string): Promise<SyncResult> {
    const mailbox = this.crm.mailbox(mailboxAddress);
    const connection = this.connections.get(mailbox.id);
    if (!connection) throw new Error(`The mailbox ${mailboxAddress} is not connected in this scenario`);
    const result = await connection.synchronise();
    this.syncLog.push(result);
    // A message the connector could not hand over is a defect in the chain, not a CRM decision:
    // fail here, naming it, rather than let a later assertion fail without the cause.
    if (result.failures.length > 0) {
      const list = result.failures.map((f) => `${f.folder} UID ${f.uid}: ${f.reason}`).join('; ');
      throw new Error(`Synchronising ${mailboxAddress} failed for ${result.failures.length} message(s): ${list}`);
    }
    return result;
  }

  get synchronisations(): readonly SyncResult[] {
    return this.syncLog;
  }

  /** "Save to CRM" next to the message with this subject, in whichever mailbox lists it (R3). */
  saveToCrm(employeeName: string, subject: string): IntakeOutcome {
    const message = this.findMailboxMessage(subject);
    const outcome = this.crm.saveToCrm(this.crm.employeeByName(employeeName).id, message.id);
    this.manualOutcomes.push(outcome);
    return outcome;
  }

  /** The CRM's latest answer about the message with this subject: from a sync or a manual save. */
  lastIntakeOutcome(subject: string): IntakeOutcome | undefined {
    const all = [...this.syncLog.flatMap((s) => s.outcomes.map((o) => o.outcome)), ...this.manualOutcomes];
    return all.filter((o) => o.mailboxMessage.subject === subject).at(-1);
  }

  /** E-mail activities saved from messages with this subject. */
  activitiesFor(subject: string): EmailActivity[] {
    return this.crm.emailActivities().filter((a) => a.subject === subject);
  }

  leadByTitle(title: string): Lead {
    const matches = this.crm.leads().filter((l) => l.title === title);
    if (matches.length === 1) return matches[0]!;
    throw new Error(`Expected one lead "${title}", found ${matches.length}. Leads: ${this.crm.leads().map((l) => `"${l.title}"`).join(', ') || 'none'}`);
  }

  /** The one message with this subject across the connected mailboxes. */
  findMailboxMessage(subject: string): MailboxMessage {
    const matches = [...this.connections.keys()].flatMap((id) => this.crm.mailboxMessages(id)).filter((m) => m.subject === subject);
    if (matches.length === 1) return matches[0]!;
    throw new Error(`Expected one e-mail "${subject}" in the connected mailboxes, found ${matches.length}`);
  }

  /**
   * Where the mail server filed copies of a message with this subject, read from the server's own
   * store: for scenarios about the mail server itself, never for what the CRM knows.
   */
  mailServerCopies(subject: string): Array<{ account: string; folder: string; uid: number; internalDate: Date }> {
    return this.mail.store.allAccounts.flatMap((account) =>
      account.folders.flatMap((folder) =>
        folder.messages
          .filter((m) => headerValues(m.raw, 'Subject').includes(subject))
          .map((m) => ({ account: account.address, folder: folder.name, uid: m.uid, internalDate: m.internalDate })),
      ),
    );
  }

  /** Messages with this subject that the server kept for other domains. */
  outboxCopies(subject: string): OutboundMessage[] {
    return this.mail.smtp.outbox.messages.filter((m) => headerValues(m.raw, 'Subject').includes(subject));
  }

  /** The one message with this subject in the mailbox's Webmail list. */
  mailboxMessage(mailboxAddress: string, subject: string): MailboxMessage {
    const mailbox = this.crm.mailbox(mailboxAddress);
    const matches = this.crm.mailboxMessages(mailbox.id).filter((m) => m.subject === subject);
    if (matches.length === 1) return matches[0]!;
    const listed = this.crm.mailboxMessages(mailbox.id).map((m) => `"${m.subject}" (${m.folder})`).join(', ') || 'none';
    throw new Error(`Expected one e-mail "${subject}" in ${mailboxAddress}, found ${matches.length}. Listed: ${listed}`);
  }
}
