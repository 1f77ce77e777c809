import { headerValues, MockMailServer, type OutboundMessage } from '../../mock-servers/index.ts';
import {
  Crm,
  type AutomationRule,
  type Company,
  type ConnectedMailbox,
  type Contact,
  type CrmSettings,
  type Deal,
  type EmailActivity,
  type EmailInput,
  type Employee,
  type IntakeOutcome,
  type ItemRef,
  type ItemType,
  type Lead,
  type LeadConversion,
  type MailboxMessage,
  type NewAutomationRule,
} from '../crm/index.ts';
import { SmtpSender, type SendResult } from '../mail-sync/index.ts';
import { DROP, TcpLink } from '../mail-sync/testing/tcp-link.ts';
import { describeItem, findItem } from './item-lookup.ts';
import { MailboxConnection, type SyncResult } from './mailbox-connection.ts';
import { VirtualClock } from './virtual-clock.ts';
import { markReadInMail } from './webmail-reader.ts';
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
  /** Reply-To: where answers go, and who the CRM takes as the sender (faq-rules §2). */
  replyTo?: string;
  /** Threading headers (RFC 5322 §3.6.4), as a mail client sets them when replying (R2.8). */
  inReplyTo?: string;
  references?: string[];
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
  private link: TcpLink | undefined;
  private linkEndpoint: { host: string; port: number } | undefined;
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
    await this.link?.stop();
    await this.mail.stop();
  }

  addEmployee(
    name: string,
    flags: { isAdministrator?: boolean; canEditSettings?: boolean; active?: boolean; email?: string; department?: string } = {},
  ): Employee {
    return this.crm.addEmployee({ name, ...flags });
  }

  /**
   * Creates the account on the mail server and connects it to the CRM as the employee does in
   * Mail: the first synchronisation lists the server's folders, so the folder settings can offer them.
   */
  async connectMailbox(address: string, connectorName: string, settings: Record<string, unknown> = {}): Promise<ConnectedMailbox> {
    const password = `secret-${address}`;
    // The account may already hold mail from before it was connected (prepareMailAccount).
    if (!this.mail.store.account(address)) this.mail.addAccount(address, password);
    const mailbox = this.crm.connectMailbox({ address, connectorId: this.crm.employeeByName(connectorName).id, settings });
    // The CRM reaches the IMAP server through the scenario's network link, which a scenario can break.
    const { host, port } = await this.network();
    const connection = new MailboxConnection(this.crm, mailbox.id, { host, port, user: address, password });
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
      ...(email.replyTo !== undefined && { replyTo: email.replyTo }),
      ...(email.inReplyTo !== undefined && { inReplyTo: email.inReplyTo }),
      ...(email.references !== undefined && { references: email.references }),
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

  // CRM items, CRM settings, routing, automation and activity times (faq-rules §0, R1.4, R2, R4, R5)

  /** Setup: an account on the mail server that already receives mail before it is connected (R1.4). */
  prepareMailAccount(address: string): void {
    if (!this.mail.store.account(address)) this.mail.addAccount(address, `secret-${address}`);
  }

  /** Whole days pass on the virtual clock. */
  passDays(days: number): void {
    this.clock.advance(days * 24 * 60 * 60 * 1000);
  }

  /** Setup: the CRM's administrator changes CRM settings; a scenario without one gets "Administrator". */
  configureCrm(patch: Readonly<Record<string, unknown>>): CrmSettings {
    const admin = this.crm.employees().find((e) => e.active && e.isAdministrator) ?? this.addEmployee('Administrator', { isAdministrator: true });
    return this.crm.updateCrmSettings(admin.id, patch);
  }

  /** An employee changes CRM settings in CRM > Settings (R6.2 decides who may). */
  changeCrmSettings(employeeName: string, patch: Readonly<Record<string, unknown>>): CrmSettings {
    return this.crm.updateCrmSettings(this.crm.employeeByName(employeeName).id, patch);
  }

  /** An employee adds addresses to the CRM's exceptions list (R1.4). */
  addToExceptions(employeeName: string, addresses: readonly string[]): CrmSettings {
    return this.crm.addToExceptions(this.crm.employeeByName(employeeName).id, addresses);
  }

  addContact(input: { name: string; emails?: readonly EmailInput[]; responsible: string; company?: string }): Contact {
    return this.crm.addContact({
      name: input.name,
      emails: input.emails ?? [],
      responsibleId: this.crm.employeeByName(input.responsible).id,
      ...(input.company !== undefined && { companyId: this.item('company', input.company).id }),
    });
  }

  addCompany(input: { title: string; emails?: readonly EmailInput[]; responsible: string }): Company {
    return this.crm.addCompany({ title: input.title, emails: input.emails ?? [], responsibleId: this.crm.employeeByName(input.responsible).id });
  }

  addLead(input: { title: string; name?: string; emails?: readonly EmailInput[]; status?: string; responsible: string }): Lead {
    return this.crm.addLead({
      title: input.title,
      ...(input.name !== undefined && { name: input.name }),
      emails: input.emails ?? [],
      ...(input.status !== undefined && { status: input.status }),
      responsibleId: this.crm.employeeByName(input.responsible).id,
    });
  }

  /** A deal whose client is the named contacts and/or company. */
  addDeal(input: { title: string; stage?: string; contacts?: readonly string[]; company?: string; responsible: string }): Deal {
    return this.crm.addDeal({
      title: input.title,
      ...(input.stage !== undefined && { stage: input.stage }),
      contactIds: (input.contacts ?? []).map((name) => this.item('contact', name).id),
      ...(input.company !== undefined && { companyId: this.item('company', input.company).id }),
      responsibleId: this.crm.employeeByName(input.responsible).id,
    });
  }

  /** The one item of this type with this title (contacts: name). */
  item(type: ItemType, label: string): ItemRef {
    return findItem(this.crm, type, label);
  }

  /** "lead "Printers"": an item as failed steps name it. */
  describe(ref: ItemRef): string {
    return describeItem(this.crm, ref);
  }

  convertLead(title: string): LeadConversion {
    return this.crm.convertLead(this.item('lead', title).id);
  }

  setDealStage(title: string, stage: string): Deal {
    return this.crm.setDealStage(this.item('deal', title).id, stage);
  }

  setLeadStatus(title: string, status: string): Lead {
    return this.crm.setLeadStatus(this.item('lead', title).id, status);
  }

  /** An employee adds an automation rule with the e-mail trigger (R2.9). */
  addAutomationRule(employeeName: string, rule: NewAutomationRule): AutomationRule {
    return this.crm.addAutomationRule(this.crm.employeeByName(employeeName).id, rule);
  }

  /** The one e-mail activity saved from a message with this subject. */
  activityFor(subject: string): EmailActivity {
    const matches = this.activitiesFor(subject);
    if (matches.length === 1) return matches[0]!;
    const known = this.crm.emailActivities().map((a) => `"${a.subject}"`).join(', ') || 'none';
    throw new Error(`Expected one e-mail activity "${subject}", found ${matches.length}. Activities: ${known}`);
  }

  /** "Complete" on the e-mail's activity (R5.3). */
  completeActivity(employeeName: string, subject: string): EmailActivity {
    return this.crm.completeActivity(this.crm.employeeByName(employeeName).id, this.activityFor(subject).id);
  }

  /**
   * An outside party answers the CRM e-mail with this subject from their mail client: the
   * reply names it in In-Reply-To and References (RFC 5322 §3.6.4), as any client does (R2.8).
   */
  async replyFromOutside(from: string, subject: string, options: { to?: string; replySubject?: string } = {}): Promise<SendResult> {
    const parent = this.activityFor(subject);
    if (!parent.messageId) throw new Error(`The e-mail "${subject}" has no Message-ID to reply to`);
    const to = options.to ?? this.crm.mailboxById(parent.mailboxId ?? 0).address;
    return this.sendFromOutside({
      from,
      to,
      subject: options.replySubject ?? `Re: ${subject}`,
      inReplyTo: parent.messageId,
      references: [...(parent.references ?? []), parent.messageId],
    });
  }

  /**
   * An employee opens the message in Mail, so it is read (\Seen) before the next sync (R5.4).
   * Only someone with access to the mailbox can (R3.1).
   */
  async readInMail(employeeName: string, mailboxAddress: string, subject: string, folder = 'INBOX'): Promise<void> {
    const employee = this.crm.employeeByName(employeeName);
    if (!this.crm.mailbox(mailboxAddress).accessList.includes(employee.id)) {
      throw new Error(`${employeeName} has no access to the mailbox ${mailboxAddress}, so cannot read its mail`);
    }
    const { host, imapPort } = this.mail.address;
    await markReadInMail({ host, port: imapPort, user: mailboxAddress, password: `secret-${mailboxAddress}` }, folder, subject);
  }

  /** An employee with mailbox access is given by the mailbox's connector (R3.1, R4.3). */
  grantMailboxAccess(mailboxAddress: string, employeeName: string): ConnectedMailbox {
    const mailbox = this.crm.mailbox(mailboxAddress);
    return this.crm.grantMailboxAccess(mailbox.connectorId, mailbox.id, this.crm.employeeByName(employeeName).id);
  }

  /** Setup: the connector sets who gets new items from this mailbox, in turn (R4.4). */
  setResponsibleQueue(mailboxAddress: string, employeeNames: readonly string[]): ConnectedMailbox {
    return this.configureMailbox(mailboxAddress, { responsibleQueue: employeeNames.map((name) => this.crm.employeeByName(name).id) });
  }

  /** Dismisses an employee: they stay on record but get no new items (R4.4). */
  dismissEmployee(name: string): Employee {
    return this.crm.setEmployeeActive(this.crm.employeeByName(name).id, false);
  }

  /**
   * The network drops the CRM's IMAP connection when the server sends the `nth` message of the
   * next synchronisation (R1.5). Only the first connection of that sync is cut, so the connector
   * can reconnect; the returned function tells how many connections were cut so far.
   */
  async dropConnectionDuringNextSync(nth = 1): Promise<() => number> {
    const link = await this.networkLink();
    let seen = 0;
    let cutOnce = false;
    link.rule = (line) => {
      if (cutOnce || !/^\* \d+ FETCH /.test(line) || ++seen < nth) return line;
      cutOnce = true;
      return DROP;
    };
    return () => link.dropped;
  }

  private async networkLink(): Promise<TcpLink> {
    await this.network();
    return this.link!;
  }

  private async network(): Promise<{ host: string; port: number }> {
    if (!this.linkEndpoint) {
      const { host, imapPort } = this.mail.address;
      this.link = new TcpLink({ host, port: imapPort });
      this.linkEndpoint = await this.link.start();
    }
    return this.linkEndpoint;
  }
}
