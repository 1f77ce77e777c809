import { headerValues, MockMailServer, type OutboundMessage } from '../../mock-servers/index.ts';
import {
  Crm,
  isCrmError,
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
  type MailboxMessageStatus,
  type NewAutomationRule,
} from '../crm/index.ts';
import type { SendResult } from '../mail-sync/index.ts';
import {
  flattenThreads,
  type AccessLevel,
  type CrmAction,
  type Role,
  type RolePermissions,
  type SearchField,
  type SentFromForm,
} from '../crm/index.ts';
import { ConnectorNetwork } from './connector-network.ts';
import { FormSending, type FormRecipient } from './form-sending.ts';
import { describeItem, findItem } from './item-lookup.ts';
import { ConnectedMailboxes } from './connected-mailboxes.ts';
import type { SyncResult } from './mailbox-connection.ts';
import { VirtualClock } from './virtual-clock.ts';
import { changeFolder, type FolderChange } from './mail-folders.ts';
import { actOnMail, type MailAction } from './webmail.ts';
import { OutsideWorld, type IncomingEmail } from './outside-world.ts';
import { WireLog } from './wire-log.ts';
import { FeatureWordingError, expectedOne } from './scenario-errors.ts';

export type { FormRecipient } from './form-sending.ts';
export type { IncomingEmail } from './outside-world.ts';
export type { MailAction } from './webmail.ts';
export type { FolderChange } from './mail-folders.ts';

export interface SimulationOptions {
  /** When the scenario starts; a Monday morning unless a scenario says otherwise. */
  start?: Date;
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
  private readonly connected: ConnectedMailboxes;
  private readonly outsideWorld: OutsideWorld;
  private readonly network: ConnectorNetwork;
  private readonly formSending: FormSending;
  private readonly manualOutcomes: IntakeOutcome[] = [];
  /** The scenario's SMTP and IMAP traffic, for the report of a failed scenario. */
  readonly wireLog = new WireLog();

  private constructor(options: SimulationOptions) {
    this.clock = new VirtualClock(options.start ?? DEFAULT_START);
    const now = () => this.clock.now();
    this.mail = new MockMailServer({ clock: now });
    this.crm = new Crm({ clock: now });
    this.mail.onWire((event) => this.wireLog.record(event));
    this.outsideWorld = new OutsideWorld(this.mail, this.clock);
    this.network = new ConnectorNetwork(this.mail);
    this.connected = new ConnectedMailboxes(this.crm, this.wireLog);
    this.formSending = new FormSending(this.crm, this.mail, (name) => this.clientRef(name), (id) => this.connected.sentFiler(id));
  }

  static async start(options: SimulationOptions = {}): Promise<Simulation> {
    const simulation = new Simulation(options);
    await simulation.mail.start();
    return simulation;
  }

  async stop(): Promise<void> {
    await this.connected.closeAll();
    this.outsideWorld.close();
    this.formSending.close();
    await this.network.stop();
    await this.mail.stop();
  }

  addEmployee(
    name: string,
    flags: { isAdministrator?: boolean; canEditSettings?: boolean; active?: boolean; email?: string; department?: string } = {},
  ): Employee {
    return this.crm.addEmployee({ name, ...flags });
  }

  /**
   * The employee with this name. A name the CRM does not know is CRM.UNKNOWN_EMPLOYEE, and the
   * message lists the employees there are, so a misspelt name in a scenario reads plainly.
   */
  employeeNamed(name: string): Employee {
    try {
      return this.crm.employeeByName(name);
    } catch (error) {
      if (!isCrmError(error, 'CRM.UNKNOWN_EMPLOYEE')) throw error;
      const known = this.crm.employees().map((e) => `"${e.name}"`).join(', ') || 'none yet';
      throw new FeatureWordingError(`There is no employee named "${name}". The employees are: ${known}.`);
    }
  }

  /**
   * Creates the account on the mail server and connects it to the CRM as the employee does in
   * Mail: the first synchronisation lists the server's folders, so the folder settings can offer them.
   */
  async connectMailbox(address: string, connectorName: string, settings: Record<string, unknown> = {}): Promise<ConnectedMailbox> {
    const password = `secret-${address}`;
    // The account may already hold mail from before it was connected (prepareMailAccount).
    if (!this.mail.store.account(address)) this.mail.addAccount(address, password);
    const mailbox = this.crm.connectMailbox({ address, connectorId: this.employeeNamed(connectorName).id, settings });
    // The CRM reaches the IMAP server through the scenario's network link, which a scenario can break.
    const { host, port } = await this.network.imapEndpoint();
    this.connected.add(mailbox.id, address, { host, port, user: address, password });
    await this.synchronise(address);
    return mailbox;
  }

  /** An employee changes the mailbox's CRM settings, as in Mail > Settings (R4.3 decides who may). */
  changeMailboxSettings(employeeName: string, mailboxAddress: string, patch: Record<string, unknown>): ConnectedMailbox {
    const mailbox = this.crm.mailbox(mailboxAddress);
    return this.crm.updateMailboxSettings(this.employeeNamed(employeeName).id, mailbox.id, patch);
  }

  /** Setup: the mailbox's connector chooses these settings, as when connecting it. */
  configureMailbox(mailboxAddress: string, patch: Record<string, unknown>): ConnectedMailbox {
    const mailbox = this.crm.mailbox(mailboxAddress);
    return this.crm.updateMailboxSettings(mailbox.connectorId, mailbox.id, patch);
  }

  /** A customer or other outside party sends mail through the SMTP server, as any MTA would. */
  sendFromOutside(email: IncomingEmail): Promise<SendResult> {
    return this.outsideWorld.send(email);
  }

  /** An outside party's mail server hands over these exact bytes over SMTP (malformed mail). */
  sendRawFromOutside(from: string, to: string | readonly string[], raw: Buffer): Promise<SendResult> {
    return this.outsideWorld.sendRaw(from, to, raw);
  }

  /**
   * Files these exact bytes straight into the mailbox's INBOX on the mail server, for bytes no
   * SMTP transaction can deliver as they are: every SMTP server prepends trace fields (RFC 5321
   * §4.4), so a zero-byte message, say, exists only in a store (a broken import or migration).
   */
  deliverRawToStore(to: string, raw: Buffer): void {
    this.mail.deliver(raw, { to });
  }

  /** What Webmail shows next to the one message with this subject in the mailbox's list. */
  mailboxMessageStatus(mailboxAddress: string, subject: string): MailboxMessageStatus {
    return this.crm.mailboxMessageStatus(this.mailboxMessage(mailboxAddress, subject).id);
  }

  /** Runs the mailbox's connector once over IMAP; every new message reaches the CRM's rules. */
  synchronise(mailboxAddress: string): Promise<SyncResult> {
    return this.connected.synchronise(this.crm.mailbox(mailboxAddress).id);
  }

  get synchronisations(): readonly SyncResult[] {
    return this.connected.synchronisations;
  }

  /** "Save to CRM" next to the message with this subject, in whichever mailbox lists it (R3). */
  saveToCrm(employeeName: string, subject: string, chosenItem?: ItemRef): IntakeOutcome {
    const message = this.findMailboxMessage(subject);
    const outcome = this.crm.saveToCrm(this.employeeNamed(employeeName).id, message.id, chosenItem);
    this.manualOutcomes.push(outcome);
    return outcome;
  }

  /** The CRM's latest answer about the message with this subject: from a sync or a manual save. */
  lastIntakeOutcome(subject: string): IntakeOutcome | undefined {
    const all = [...this.synchronisations.flatMap((s) => s.outcomes.map((o) => o.outcome)), ...this.manualOutcomes];
    return all.filter((o) => o.mailboxMessage.subject === subject).at(-1);
  }

  /** E-mail activities saved from messages with this subject. */
  activitiesFor(subject: string): EmailActivity[] {
    return this.crm.emailActivities().filter((a) => a.subject === subject);
  }

  leadByTitle(title: string): Lead {
    return this.crm.lead(this.item('lead', title).id);
  }

  /** The one message with this subject across the connected mailboxes. */
  findMailboxMessage(subject: string): MailboxMessage {
    const matches = this.connected.mailboxIds.flatMap((id) => this.crm.mailboxMessages(id)).filter((m) => m.subject === subject);
    if (matches.length === 1) return matches[0]!;
    const listed = this.connected.mailboxIds.flatMap((id) => this.crm.mailboxMessages(id).map((m) => `${m.subject} (${this.crm.mailboxById(id).address}/${m.folder})`));
    throw expectedOne('e-mail', subject, matches.length, listed, 'e-mails in the connected mailboxes');
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
    throw expectedOne('e-mail', subject, matches.length, this.crm.mailboxMessages(mailbox.id).map((m) => `${m.subject} (${m.folder})`), `e-mails in ${mailboxAddress}`);
  }

  // Access rights, "Change deal", sending from CRM forms, history and search (R6–R9)

  /** Every e-mail sent from a CRM form in this scenario, with what SMTP and IMAP answered. */
  get sentFromForms(): FormSending['sent'] {
    return this.formSending.sent;
  }

  /**
   * Who does a scenario's setup of access rights and CRM settings ("Given the CRM role …"): the
   * first employee allowed to (R6.2); a scenario without one gets an "Administrator", so the setup
   * obeys the same rules as everything else.
   */
  private settingsEditor(): Employee {
    return this.crm.employees().find((e) => this.crm.mayEditSettings(e.id)) ?? this.addEmployee('Administrator', { isAdministrator: true });
  }

  /** Setup: a CRM role with these permissions (R6.1). */
  defineRole(name: string, permissions: RolePermissions): Role {
    return this.crm.defineRole(this.settingsEditor().id, name, permissions);
  }

  /** Setup: the employee gets the role. */
  giveRole(employeeName: string, roleName: string): void {
    this.crm.assignRole(this.settingsEditor().id, this.employeeNamed(employeeName).id, roleName);
  }

  /** An employee changes one permission of a role in CRM > Settings > Access permissions (R6.2 decides who may). */
  setRolePermission(actorName: string, roleName: string, type: ItemType, action: CrmAction, level: AccessLevel): Role {
    return this.crm.setRolePermission(this.employeeNamed(actorName).id, roleName, type, action, level);
  }

  /** An employee gives another a role (R6.2 decides who may). */
  assignRole(actorName: string, employeeName: string, roleName: string): void {
    this.crm.assignRole(this.employeeNamed(actorName).id, this.employeeNamed(employeeName).id, roleName);
  }

  /** "Allow sending e-mails to arbitrary addresses", changed by this employee, or as setup when no one is named (R8.4, R6.2). */
  setAllowSendingToArbitraryAddresses(allowed: boolean, actorName?: string): void {
    const actor = actorName === undefined ? this.settingsEditor() : this.employeeNamed(actorName);
    this.crm.setAllowSendingToArbitraryAddresses(actor.id, allowed);
  }

  /** A deal whose client is one contact or company, by name, when one is given. */
  addDealWithClient(title: string, responsibleName: string, clientName?: string): Deal {
    const client = clientName === undefined ? undefined : this.clientRef(clientName);
    return this.addDeal({
      title,
      responsible: responsibleName,
      ...(client?.type === 'contact' && { contacts: [clientName!] }),
      ...(client?.type === 'company' && { company: clientName! }),
    });
  }

  /**
   * A deal made from a lead: it remembers the lead, and the lead's e-mails are bound to the deal as
   * well, as conversion leaves them (R7.2; reference §1.9 rule 52).
   */
  addDealFromLead(title: string, leadTitle: string, responsibleName: string): Deal {
    const { deal } = this.crm.convertLead(this.item('lead', leadTitle).id, { dealTitle: title });
    return this.crm.setResponsible({ type: 'deal', id: deal.id }, this.employeeNamed(responsibleName).id) as Deal;
  }

  private clientRef(name: string): ItemRef {
    const contacts = this.crm.contacts().filter((c) => c.name === name);
    const companies = this.crm.companies().filter((c) => c.title === name);
    if (contacts.length + companies.length === 1) return contacts[0] ? { type: 'contact', id: contacts[0].id } : { type: 'company', id: companies[0]!.id };
    const found = [...contacts.map((c) => ({ type: 'contact' as const, id: c.id })), ...companies.map((c) => ({ type: 'company' as const, id: c.id }))];
    const known = [...this.crm.contacts().map((c) => `contact ${c.name}`), ...this.crm.companies().map((c) => `company ${c.title}`)];
    const failure = expectedOne('contact or company', name, found.length, known, 'contacts or companies');
    if (found.length > 1) failure.message += ` (${found.map((ref) => `${ref.type} id ${ref.id}`).join(', ')})`;
    throw failure;
  }

  /**
   * An employee sends an e-mail from an item's form (R8): the CRM records it, then the mailbox's
   * connector really sends it over SMTP and files it in the Sent folder over IMAP.
   */
  sendFromForm(
    employeeName: string,
    item: ItemRef,
    to: readonly FormRecipient[],
    subject: string,
    options: { text?: string; cc?: readonly FormRecipient[]; replyToSubject?: string } = {},
  ): Promise<SentFromForm> {
    return this.formSending.send({
      senderId: this.employeeNamed(employeeName).id,
      item,
      to,
      ...(options.cc && { cc: options.cc }),
      subject,
      text: options.text ?? `${subject}\n`,
      ...(options.replyToSubject !== undefined && { parent: this.activityFor(options.replyToSubject) }),
    });
  }

  /** The employee chooses a contact or company (by name) in the deal's "Client" field (R8.2). */
  chooseDealClient(employeeName: string, dealTitle: string, clientName: string): Deal {
    return this.crm.chooseDealClient(this.employeeNamed(employeeName).id, this.item('deal', dealTitle).id, this.clientRef(clientName));
  }

  /** The e-mails in the item's form as this employee sees them (R6.3), replies under their parent (R9.1). */
  correspondenceShownTo(employeeName: string, item: ItemRef): Array<{ activity: EmailActivity; depth: number; parent?: EmailActivity }> {
    const rows = flattenThreads(this.crm.correspondenceFor(this.employeeNamed(employeeName).id, item));
    const parents: EmailActivity[] = [];
    return rows.map(({ activity, depth }) => {
      parents[depth] = activity;
      const parent = depth > 0 ? parents[depth - 1] : undefined;
      return { activity, depth, ...(parent && { parent }) };
    });
  }

  /** The e-mails whose entries the employee sees in the item's timeline (R6.3). */
  emailsShownTo(employeeName: string, item: ItemRef): EmailActivity[] {
    const ids = new Set(this.crm.timelineFor(this.employeeNamed(employeeName).id, item).map((e) => e.activityId));
    return this.crm.emailActivities().filter((a) => ids.has(a.id));
  }

  /** Search by subject, sender or text, in one form or the whole CRM (R9.2). */
  searchEmails(employeeName: string, words: string, field: SearchField, within?: ItemRef): EmailActivity[] {
    return this.crm.searchEmails(this.employeeNamed(employeeName).id, { words, in: field }, within);
  }

  /** "Change deal" on the e-mail with this subject (R7). */
  changeDeal(employeeName: string, subject: string, dealTitle: string): EmailActivity {
    return this.crm.changeDeal(this.employeeNamed(employeeName).id, this.activityFor(subject).id, this.item('deal', dealTitle).id);
  }

  /** "Create a new activity from the e-mail" (R8.6). */
  createActivityFromEmail(employeeName: string, subject: string, followUpSubject: string): void {
    this.crm.createActivityFromEmail(this.employeeNamed(employeeName).id, this.activityFor(subject).id, { subject: followUpSubject });
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
    return this.crm.updateCrmSettings(this.settingsEditor().id, patch);
  }

  /** An employee changes CRM settings in CRM > Settings (R6.2 decides who may). */
  changeCrmSettings(employeeName: string, patch: Readonly<Record<string, unknown>>): CrmSettings {
    return this.crm.updateCrmSettings(this.employeeNamed(employeeName).id, patch);
  }

  /** An employee adds addresses to the CRM's exceptions list (R1.4). */
  addToExceptions(employeeName: string, addresses: readonly string[]): CrmSettings {
    return this.crm.addToExceptions(this.employeeNamed(employeeName).id, addresses);
  }

  addContact(input: { name: string; emails?: readonly EmailInput[]; responsible: string; company?: string }): Contact {
    return this.crm.addContact({
      name: input.name,
      emails: input.emails ?? [],
      responsibleId: this.employeeNamed(input.responsible).id,
      ...(input.company !== undefined && { companyId: this.item('company', input.company).id }),
    });
  }

  addCompany(input: { title: string; emails?: readonly EmailInput[]; responsible: string }): Company {
    return this.crm.addCompany({ title: input.title, emails: input.emails ?? [], responsibleId: this.employeeNamed(input.responsible).id });
  }

  addLead(input: { title: string; name?: string; emails?: readonly EmailInput[]; status?: string; responsible: string }): Lead {
    return this.crm.addLead({
      title: input.title,
      ...(input.name !== undefined && { name: input.name }),
      emails: input.emails ?? [],
      ...(input.status !== undefined && { status: input.status }),
      responsibleId: this.employeeNamed(input.responsible).id,
    });
  }

  /** A deal whose client is the named contacts and/or company. */
  addDeal(input: { title: string; stage?: string; contacts?: readonly string[]; company?: string; responsible: string }): Deal {
    return this.crm.addDeal({
      title: input.title,
      ...(input.stage !== undefined && { stage: input.stage }),
      contactIds: (input.contacts ?? []).map((name) => this.item('contact', name).id),
      ...(input.company !== undefined && { companyId: this.item('company', input.company).id }),
      responsibleId: this.employeeNamed(input.responsible).id,
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
    return this.crm.addAutomationRule(this.employeeNamed(employeeName).id, rule);
  }

  /** The one e-mail activity saved from a message with this subject. */
  activityFor(subject: string): EmailActivity {
    const matches = this.activitiesFor(subject);
    if (matches.length === 1) return matches[0]!;
    const failure = expectedOne('e-mail activity', subject, matches.length, this.crm.emailActivities().map((a) => a.subject), 'e-mail activities');
    // Several: say how each differs, since their subjects cannot.
    if (matches.length > 1) failure.message += ` (${matches.map((a) => `${a.direction}, bound to ${a.bindings.map((b) => this.describe(b)).join(' and ') || 'nothing'}`).join('; ')})`;
    throw failure;
  }

  /** "Complete" on the e-mail's activity (R5.3). */
  completeActivity(employeeName: string, subject: string): EmailActivity {
    return this.crm.completeActivity(this.employeeNamed(employeeName).id, this.activityFor(subject).id);
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

  /** An employee opens the message in Mail, so it is read (\Seen) before the next sync (R5.4). */
  async readInMail(employeeName: string, mailboxAddress: string, subject: string, folder = 'INBOX'): Promise<void> {
    await this.actInMail(employeeName, mailboxAddress, subject, { kind: 'read' }, folder);
  }

  /** An employee moves the message in Mail to another folder (Trash, Drafts, Spam, one of their own) before the next sync (R1.2). */
  async moveInMail(employeeName: string, mailboxAddress: string, subject: string, destination: string, folder = 'INBOX'): Promise<void> {
    await this.actInMail(employeeName, mailboxAddress, subject, { kind: 'move', to: destination }, folder);
  }

  /**
   * An employee acts on the e-mail with exactly this subject in Mail, over IMAP (webmail.ts). Only
   * someone with access to the mailbox can (R3.1).
   */
  async actInMail(employeeName: string, mailboxAddress: string, subject: string, action: MailAction, folder = 'INBOX'): Promise<void> {
    const employee = this.employeeNamed(employeeName);
    if (!this.crm.mailbox(mailboxAddress).accessList.includes(employee.id)) {
      throw new Error(`${employeeName} has no access to the mailbox ${mailboxAddress}, so cannot ${action.kind} its mail`);
    }
    await actOnMail(this.imapAccount(mailboxAddress), folder, subject, action);
  }

  /** The user's other mail client (a phone, a desktop client) acts on the e-mail over IMAP; no CRM access is involved. */
  async actFromAnotherClient(mailboxAddress: string, subject: string, action: MailAction, folder = 'INBOX'): Promise<void> {
    await actOnMail(this.imapAccount(mailboxAddress), folder, subject, action);
  }

  /** The user's other mail client creates, renames or deletes a folder on the server over IMAP (mail-folders.ts). */
  async changeFolderFromAnotherClient(mailboxAddress: string, change: FolderChange): Promise<void> {
    await changeFolder(this.imapAccount(mailboxAddress), change);
  }

  /** How a mail client of the mailbox's user logs in to the scenario's IMAP server. */
  private imapAccount(mailboxAddress: string): { host: string; port: number; user: string; password: string } {
    if (!this.mail.store.account(mailboxAddress)) throw new Error(`The mail server has no mailbox ${mailboxAddress}`);
    const { host, imapPort } = this.mail.address;
    return { host, port: imapPort, user: mailboxAddress, password: `secret-${mailboxAddress}` };
  }

  /** An employee with mailbox access is given by the mailbox's connector (R3.1, R4.3). */
  grantMailboxAccess(mailboxAddress: string, employeeName: string): ConnectedMailbox {
    const mailbox = this.crm.mailbox(mailboxAddress);
    return this.crm.grantMailboxAccess(mailbox.connectorId, mailbox.id, this.employeeNamed(employeeName).id);
  }

  /** Setup: the connector sets who gets new items from this mailbox, in turn (R4.4). */
  setResponsibleQueue(mailboxAddress: string, employeeNames: readonly string[]): ConnectedMailbox {
    return this.configureMailbox(mailboxAddress, { responsibleQueue: employeeNames.map((name) => this.employeeNamed(name).id) });
  }

  /** Dismisses an employee: they stay on record but get no new items (R4.4). */
  dismissEmployee(name: string): Employee {
    return this.crm.setEmployeeActive(this.employeeNamed(name).id, false);
  }

  /**
   * The network drops the CRM's IMAP connection when the server sends the `nth` message of the
   * next synchronisation (R1.5). Only the first connection of that sync is cut, so the connector
   * can reconnect; the returned function tells how many connections were cut so far.
   */
  dropConnectionDuringNextSync(nth = 1): Promise<() => number> {
    return this.network.dropDuringNextSync(nth);
  }
}
