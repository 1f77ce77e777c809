import { ActivityStore } from './activities/activity-store.ts';
import { completeActivity } from './activities/complete-activity.ts';
import type { EmailActivity } from './activities/email-activity.ts';
import type { AutomationRule, NewAutomationRule } from './automation/automation-rule.ts';
import { AutomationRules } from './automation/automation-rules.ts';
import type { Employee, NewEmployee } from './employees/employee.ts';
import { EmployeeDirectory } from './employees/employee-directory.ts';
import { CrmError } from './errors.ts';
import { sequentialIds, type Clock, type IdSource } from './ids.ts';
import type { Company } from './items/company.ts';
import type { Contact } from './items/contact.ts';
import type { Deal, DealStage } from './items/deal.ts';
import type { EmailInput } from './items/email-value.ts';
import type { ItemRef } from './items/item-ref.ts';
import { ItemService, type CompanyInput, type ContactInput, type DealClient, type DealInput, type LeadInput } from './items/item-service.ts';
import { ItemStore, type CrmItem } from './items/item-store.ts';
import { convertLead, type ConvertLeadOptions, type LeadConversion } from './items/lead-conversion.ts';
import type { Lead, LeadStatus } from './items/lead.ts';
import type { ConnectedMailbox } from './mailboxes/connected-mailbox.ts';
import type { MailboxFolder } from './mailboxes/folder-path.ts';
import type { InboundMailboxMessage, MailboxMessage } from './mailboxes/mailbox-message.ts';
import { MailboxRegistry, type ConnectMailboxInput } from './mailboxes/mailbox-registry.ts';
import { MessageList } from './mailboxes/message-list.ts';
import { saveMessage, type IntakeDeps } from './routing/intake.ts';
import type { IntakeOutcome } from './routing/outcome.ts';
import { refuseChosenItem, refuseManualSave } from './routing/manual-save.ts';
import { NotSavedReasons, type MailboxMessageStatus } from './routing/message-status.ts';
import type { CrmSettings } from './settings/crm-settings.ts';
import { CrmSettingsStore } from './settings/crm-settings-store.ts';
import type { TimelineEntry } from './timeline/timeline-entry.ts';
import { Timelines } from './timeline/timeline.ts';
import { mayEditSettings } from './employees/may-edit-settings.ts';
import type { AccessLevel, CrmAction } from './rights/access-level.ts';
import { AccessRights } from './rights/access-rights.ts';
import type { Role, RolePermissions } from './rights/role.ts';
import { canSeeEmail } from './rights/visibility.ts';
import { changeDealOffer, rebindDeal, type ChangeDealOffer } from './activities/change-deal.ts';
import { sortBindings } from './items/item-ref.ts';
import { buildThreads, type EmailThread } from './search/threads.ts';
import { searchEmails, type EmailSearch } from './search/email-search.ts';
import { FollowUpStore, type FollowUpActivity } from './activities/follow-up.ts';
import { sendFromForm, type SendFromFormInput, type SentFromForm } from './sending/send-from-form.ts';
import { recipientOptions, sendingAvailability, type RecipientOption, type SendingAvailability } from './sending/recipient-options.ts';
import type { SendingSettings } from './sending/sending-settings.ts';
import { replyRecipients } from './sending/reply-recipients.ts';
import { addressBook } from './sending/address-book.ts';
import type { Address } from './mailboxes/mailbox-message.ts';
import type { RecipientChoice } from './sending/recipient-choice.ts';
import type { ItemType } from './items/item-ref.ts';

export interface CrmOptions {
  clock: Clock;
  /** Defaults to one counter per kind from 1 (lead 1, 2…; contact 1, 2…). */
  ids?: IdSource;
}

/**
 * The in-memory CRM: employees, items, e-mail activities, timelines and connected mailboxes.
 * It learns about mail only from the mail connector, through receiveMailboxMessage.
 */
export class Crm {
  private readonly clock: Clock;
  private readonly directory: EmployeeDirectory;
  private readonly items: ItemStore;
  private readonly itemService: ItemService;
  private readonly activities: ActivityStore;
  private readonly timelines: Timelines;
  private readonly registry: MailboxRegistry;
  private readonly messages: MessageList;
  private readonly settings = new CrmSettingsStore();
  private readonly notSavedReasons = new NotSavedReasons();
  private readonly automation: AutomationRules;

  constructor(options: CrmOptions) {
    const ids = options.ids ?? sequentialIds();
    this.clock = options.clock;
    this.directory = new EmployeeDirectory(ids);
    this.items = new ItemStore(ids, options.clock);
    this.itemService = new ItemService(this.items, this.directory);
    this.activities = new ActivityStore(ids);
    this.timelines = new Timelines(ids);
    this.registry = new MailboxRegistry(ids, this.directory, options.clock);
    this.messages = new MessageList(ids, options.clock);
    this.idSource = ids;
    this.automation = new AutomationRules(ids, this.directory);
  }

  // Employees

  addEmployee(input: NewEmployee): Employee {
    return this.directory.add(input);
  }

  /** Throws CRM.UNKNOWN_EMPLOYEE. */
  employee(id: number): Employee {
    return this.directory.get(id);
  }

  /** Throws CRM.UNKNOWN_EMPLOYEE. */
  employeeByName(name: string): Employee {
    return this.directory.byName(name);
  }

  employees(): readonly Employee[] {
    return this.directory.all();
  }

  /**
   * Adds a department to the company structure, under `parent` (the root department when absent),
   * for the department levels of access (R6.1). Throws CRM.UNKNOWN_DEPARTMENT, CRM.DUPLICATE_DEPARTMENT.
   */
  addDepartment(name: string, parent?: string): void {
    this.directory.departments.add(name, parent);
  }

  /** Dismissing an employee takes them out of responsible queues (R4.4). */
  setEmployeeActive(id: number, active: boolean): Employee {
    return this.directory.setActive(id, active);
  }

  // Items

  addContact(input: ContactInput): Contact {
    return this.itemService.addContact(input);
  }

  addCompany(input: CompanyInput): Company {
    return this.itemService.addCompany(input);
  }

  addLead(input: LeadInput): Lead {
    return this.itemService.addLead(input);
  }

  addDeal(input: DealInput): Deal {
    return this.itemService.addDeal(input);
  }

  /** Throws CRM.UNKNOWN_ITEM. */
  lead(id: number): Lead {
    return this.items.get('lead', id);
  }

  contact(id: number): Contact {
    return this.items.get('contact', id);
  }

  company(id: number): Company {
    return this.items.get('company', id);
  }

  deal(id: number): Deal {
    return this.items.get('deal', id);
  }

  /** Throws CRM.UNKNOWN_LEAD_STATUS, and CRM.CONVERT_LEAD_INSTEAD for "Good lead". */
  setLeadStatus(id: number, status: LeadStatus | string): Lead {
    return this.itemService.setLeadStatus(id, status);
  }

  /** Throws CRM.UNKNOWN_DEAL_STAGE. */
  setDealStage(id: number, stage: DealStage | string): Deal {
    return this.itemService.setDealStage(id, stage);
  }

  /** The deal's "Client" field (R8.2). */
  setDealClient(id: number, client: DealClient): Deal {
    return this.itemService.setDealClient(id, client);
  }

  setResponsible(ref: ItemRef, employeeId: number): CrmItem {
    return this.itemService.setResponsible(ref, employeeId);
  }

  setAvailableToEveryone(ref: ItemRef, available: boolean): CrmItem {
    return this.itemService.setAvailableToEveryone(ref, available);
  }

  /** Adds e-mail values (WORK, HOME, MAILING, OTHER); throws CRM.INVALID_EMAIL_VALUE. */
  addEmails(ref: ItemRef, emails: readonly EmailInput[]): CrmItem {
    return this.itemService.addEmails(ref, emails);
  }

  /**
   * Converts an in-progress lead into a deal and a contact; the lead becomes "Good lead" and the
   * deal remembers it. Throws CRM.LEAD_NOT_IN_PROGRESS.
   */
  convertLead(leadId: number, options: ConvertLeadOptions = {}): LeadConversion {
    return convertLead({ items: this.items, activities: this.activities, timelines: this.timelines }, leadId, options);
  }

  /** Any item by reference. Throws CRM.UNKNOWN_ITEM. */
  item(ref: ItemRef): CrmItem {
    return this.items.item(ref);
  }

  leads(): readonly Lead[] {
    return this.items.all('lead');
  }

  contacts(): readonly Contact[] {
    return this.items.all('contact');
  }

  companies(): readonly Company[] {
    return this.items.all('company');
  }

  deals(): readonly Deal[] {
    return this.items.all('deal');
  }

  // CRM settings (faq-rules §0; R6.2 decides who may change them)

  crmSettings(): CrmSettings {
    return this.settings.get();
  }

  /**
   * Changes CRM settings, named by key or by product wording ("Enable repeat sales mode").
   * Throws CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS, CRM.UNKNOWN_SETTING, CRM.INVALID_SETTING_VALUE.
   */
  updateCrmSettings(actorId: number, patch: Readonly<Record<string, unknown>>): CrmSettings {
    return this.settings.update(this.directory.get(actorId), patch);
  }

  /** "Add to exceptions" (R1.4). */
  addToExceptions(actorId: number, addresses: readonly string[]): CrmSettings {
    return this.settings.addExceptions(this.directory.get(actorId), addresses);
  }

  removeFromExceptions(actorId: number, addresses: readonly string[]): CrmSettings {
    return this.settings.removeExceptions(this.directory.get(actorId), addresses);
  }

  // Automation rules (R2.9)

  /**
   * Adds an automation rule with the e-mail trigger; an administrator or "User can edit settings"
   * may (R6.2). Throws CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS, CRM.INVALID_AUTOMATION_RULE.
   */
  addAutomationRule(actorId: number, rule: NewAutomationRule): AutomationRule {
    return this.automation.add(this.directory.get(actorId), rule);
  }

  removeAutomationRule(actorId: number, ruleId: number): void {
    this.automation.remove(this.directory.get(actorId), ruleId);
  }

  automationRules(): readonly AutomationRule[] {
    return this.automation.all();
  }

  // Mailboxes

  connectMailbox(input: ConnectMailboxInput): ConnectedMailbox {
    return this.registry.connect(input);
  }

  /** By address, case-insensitively. Throws CRM.UNKNOWN_MAILBOX. */
  mailbox(address: string): ConnectedMailbox {
    return this.registry.byAddress(address);
  }

  mailboxById(id: number): ConnectedMailbox {
    return this.registry.get(id);
  }

  mailboxes(): readonly ConnectedMailbox[] {
    return this.registry.all();
  }

  /** The connector reports the server's folders; folder roles and the spam folder not chosen follow them. */
  registerMailboxFolders(mailboxId: number, folders: readonly MailboxFolder[]): void {
    this.registry.registerFolders(mailboxId, folders);
  }

  /**
   * Throws CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS (R4.3), CRM.UNKNOWN_SETTING,
   * CRM.INVALID_SETTING_VALUE, CRM.UNKNOWN_FOLDER, CRM.UNKNOWN_EMPLOYEE (responsible queue).
   */
  updateMailboxSettings(actorId: number, mailboxId: number, patch: Readonly<Record<string, unknown>>): ConnectedMailbox {
    return this.registry.updateSettings(actorId, mailboxId, patch);
  }

  grantMailboxAccess(actorId: number, mailboxId: number, employeeId: number): ConnectedMailbox {
    return this.registry.grantAccess(actorId, mailboxId, employeeId);
  }

  foldersToSync(mailboxId: number): string[] {
    return this.registry.foldersToSync(mailboxId);
  }

  // Mail

  /**
   * Called by the connector for each new message it syncs. The message joins the mailbox's list
   * and, unless a rule says otherwise, becomes an e-mail activity. Handing over the same message
   * again (same folder, UIDVALIDITY and UID) changes nothing and says `duplicate` (R1.5).
   */
  receiveMailboxMessage(mailboxId: number, message: InboundMailboxMessage): IntakeOutcome {
    const mailbox = this.registry.get(mailboxId);
    const recorded = this.messages.record(mailboxId, message);
    if (recorded.duplicate) {
      const activity = this.activityOfMailboxMessage(recorded.message.id);
      return { saved: false, reason: 'duplicate', mailboxMessage: recorded.message, ...(activity && { activity }) };
    }
    const outcome = saveMessage(this.intakeDeps(), mailbox, recorded.message);
    this.notSavedReasons.remember(outcome);
    return outcome;
  }

  /**
   * "Save to CRM" next to a message in the mailbox's list (R3.1). Throws CRM.UNKNOWN_MAILBOX_MESSAGE,
   * CRM.UNKNOWN_EMPLOYEE, and CRM.MAILBOX_ACCESS_DENIED for an employee without mailbox access.
   * A message with nothing to bind by is refused: CRM.SAVE_NO_SENDER_ADDRESS,
   * CRM.SAVE_NO_RECIPIENT_ADDRESS, and CRM.SAVE_UNREADABLE_MESSAGE for one that could not be read.
   * The item cannot be chosen (Q11, R2.9): naming one is refused with CRM.SAVE_ITEM_NOT_CHOOSABLE.
   */
  saveToCrm(actorId: number, mailboxMessageId: number, chosenItem?: ItemRef): IntakeOutcome {
    const message = this.messages.get(mailboxMessageId);
    const actor = this.directory.get(actorId);
    const mailbox = this.registry.get(message.mailboxId);
    if (!this.registry.hasAccess(mailbox.id, actor.id)) {
      throw new CrmError('CRM.MAILBOX_ACCESS_DENIED', `${actor.name} has no access to the mailbox ${mailbox.address}.`);
    }
    refuseChosenItem(chosenItem, message.subject);
    const outcome = saveMessage(this.intakeDeps(), mailbox, message, actor.id);
    refuseManualSave(outcome);
    this.notSavedReasons.remember(outcome);
    return outcome;
  }

  /**
   * What Webmail shows next to a listed message: whether it is in the CRM, why not in the
   * product's words, and what could not be read in it. Throws CRM.UNKNOWN_MAILBOX_MESSAGE.
   */
  mailboxMessageStatus(mailboxMessageId: number): MailboxMessageStatus {
    const message = this.messages.get(mailboxMessageId);
    return this.notSavedReasons.statusOf(message, this.activityOfMailboxMessage(message.id)?.id);
  }

  /** The mailbox's message list, as Webmail shows it, whether or not each went to the CRM. */
  mailboxMessages(mailboxId: number): readonly MailboxMessage[] {
    this.registry.get(mailboxId);
    return this.messages.ofMailbox(mailboxId);
  }

  /** Throws CRM.UNKNOWN_MAILBOX_MESSAGE. */
  mailboxMessage(id: number): MailboxMessage {
    return this.messages.get(id);
  }

  /** The activity a mailbox message became, if it is in the CRM. */
  activityOfMailboxMessage(mailboxMessageId: number): EmailActivity | undefined {
    const message = this.messages.get(mailboxMessageId);
    return this.activities.forMessage(message.mailboxId, message.id, message.messageId, message.contentDigest);
  }

  emailActivities(): readonly EmailActivity[] {
    return this.activities.all();
  }

  /** Throws CRM.UNKNOWN_ACTIVITY. */
  emailActivity(id: number): EmailActivity {
    return this.activities.get(id);
  }

  /** An item's timeline, oldest first. */
  timeline(ref: ItemRef): readonly TimelineEntry[] {
    this.items.item(ref);
    return this.timelines.of(ref);
  }

  private intakeDeps(): IntakeDeps {
    return {
      clock: this.clock,
      items: this.items,
      activities: this.activities,
      timelines: this.timelines,
      mailboxes: this.registry,
      employees: this.directory,
      settings: this.settings,
      automation: this.automation,
    };
  }

  // Access rights (R6)

  private rightsState: AccessRights | undefined;

  private get rights(): AccessRights {
    this.rightsState ??= new AccessRights(this.directory, this.items);
    return this.rightsState;
  }

  /** Whether the employee may change access rights and CRM settings (R6.2). */
  mayEditSettings(employeeId: number): boolean {
    return mayEditSettings(this.directory.get(employeeId));
  }

  /** The roles of CRM > Settings > Access permissions; "Administrator" and "Manager" exist from the start. */
  roles(): readonly Role[] {
    return this.rights.roles();
  }

  /** Throws CRM.UNKNOWN_ROLE. */
  role(name: string): Role {
    return this.rights.role(name);
  }

  /** Creates or replaces a role. Throws CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS (R6.2). */
  defineRole(actorId: number, name: string, permissions: RolePermissions): Role {
    return this.rights.defineRole(actorId, name, permissions);
  }

  /** One permission of a role (R6.1). Throws CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS (R6.2), CRM.UNKNOWN_ROLE. */
  setRolePermission(actorId: number, roleName: string, type: ItemType, action: CrmAction, level: AccessLevel): Role {
    return this.rights.setPermission(actorId, roleName, type, action, level);
  }

  /** Throws CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS (R6.2), CRM.UNKNOWN_ROLE, CRM.UNKNOWN_EMPLOYEE. */
  assignRole(actorId: number, employeeId: number, roleName: string): void {
    this.rights.assignRole(actorId, employeeId, roleName);
  }

  removeRole(actorId: number, employeeId: number, roleName: string): void {
    this.rights.removeRole(actorId, employeeId, roleName);
  }

  rolesOf(employeeId: number): readonly Role[] {
    return this.rights.rolesOf(employeeId);
  }

  /** The widest level the employee's roles give; "All" for an administrator (R6.1). */
  accessLevel(employeeId: number, type: ItemType, action: CrmAction): AccessLevel {
    return this.rights.levelFor(employeeId, type, action);
  }

  /** Whether the employee may do `action` on this item (R6.1). */
  canAccess(employeeId: number, action: CrmAction, ref: ItemRef): boolean {
    return this.rights.can(employeeId, action, ref);
  }

  /** R6.3: read access to every item the e-mail is bound to. Throws CRM.UNKNOWN_ACTIVITY. */
  canSeeEmail(employeeId: number, activityId: number): boolean {
    return canSeeEmail(this.activityById(activityId), (ref) => this.rights.can(employeeId, 'read', ref));
  }

  /**
   * The item's timeline as this employee sees it in the form: entries of e-mails bound to any item
   * they cannot read are left out (R6.3). Throws CRM.ITEM_ACCESS_DENIED when they cannot open the
   * item's form at all.
   */
  timelineFor(employeeId: number, ref: ItemRef): readonly TimelineEntry[] {
    this.requireAccess(employeeId, 'read', ref);
    const visible = new Map<number, boolean>();
    const sees = (activityId: number): boolean => {
      let seen = visible.get(activityId);
      if (seen === undefined) {
        const activity = this.activities.find(activityId) ?? this.followUpStore.get(activityId);
        seen = activity === undefined || canSeeEmail(activity, (r) => this.rights.can(employeeId, 'read', r));
        visible.set(activityId, seen);
      }
      return seen;
    };
    return this.timeline(ref).filter((entry) => sees(entry.activityId));
  }

  /** Throws CRM.UNKNOWN_ACTIVITY. */
  activityById(activityId: number): EmailActivity {
    return this.activities.get(activityId);
  }

  // "Change deal" (R7)

  /** Whether the e-mail's menu offers "Change deal", and if not, why (R7.2). Throws CRM.UNKNOWN_ACTIVITY. */
  changeDealOffer(activityId: number): ChangeDealOffer {
    return changeDealOffer(this.activityById(activityId));
  }

  isChangeDealOffered(activityId: number): boolean {
    return this.changeDealOffer(activityId).offered;
  }

  /**
   * "Change deal": moves the e-mail from its deal to another; its other bindings (the client) stay
   * (R7.1; reference §1.9 rule 53, crm.activity.binding.move). Refused with CRM.CHANGE_DEAL_CONVERTED_LEAD
   * for an e-mail bound to a lead and a deal (R7.2), CRM.CHANGE_DEAL_NOT_BOUND_TO_DEAL,
   * CRM.CHANGE_DEAL_SAME_DEAL, and CRM.CHANGE_DEAL_NOT_ALLOWED without edit rights on both deals.
   */
  changeDeal(actorId: number, activityId: number, toDealId: number): EmailActivity {
    const actor = this.directory.get(actorId);
    const activity = this.activityById(activityId);
    const offer = changeDealOffer(activity);
    if (!offer.offered) throw new CrmError(offer.code, offer.reason);
    const target = this.items.get('deal', toDealId);
    const to: ItemRef = { type: 'deal', id: target.id };
    if (offer.deal.id === target.id) {
      throw new CrmError('CRM.CHANGE_DEAL_SAME_DEAL', `The e-mail "${activity.subject}" is already bound to the deal "${target.title}".`);
    }
    for (const deal of [this.items.get('deal', offer.deal.id), target]) {
      if (!this.rights.can(actor.id, 'edit', { type: 'deal', id: deal.id })) {
        throw new CrmError(
          'CRM.CHANGE_DEAL_NOT_ALLOWED',
          `${actor.name} cannot move the e-mail "${activity.subject}": changing its deal needs permission to edit both deals, and ${actor.name} may not edit the deal "${deal.title}" (R7.1).`,
        );
      }
    }
    const moved = this.activities.replace({ ...activity, bindings: rebindDeal(activity.bindings, offer.deal, to) });
    this.timelines.moveActivity(activity.id, offer.deal, to);
    return moved;
  }

  /**
   * Binds an e-mail to one more item, with its timeline entries (reference §1.9 rule 53,
   * crm.activity.binding.add), as lead conversion leaves a lead's e-mails bound to the new deal
   * too. Binding an item it already has changes nothing.
   */
  addEmailBinding(activityId: number, ref: ItemRef): EmailActivity {
    const activity = this.activityById(activityId);
    this.items.item(ref);
    if (activity.bindings.some((b) => b.type === ref.type && b.id === ref.id)) return activity;
    const bound = this.activities.replace({ ...activity, bindings: sortBindings([...activity.bindings, ref]) });
    for (const entry of this.timelines.of(activity.bindings[0]!).filter((e) => e.activityId === activity.id)) {
      const { id: _id, ...copy } = entry;
      this.timelines.add(ref, copy);
    }
    return bound;
  }

  // History and search (R9)

  /**
   * All correspondence in the item's form as this employee sees it: incoming and outgoing e-mails
   * in time order, replies under their parent (R9.1), without e-mails hidden by R6.3.
   * Throws CRM.ITEM_ACCESS_DENIED.
   */
  correspondenceFor(employeeId: number, ref: ItemRef): EmailThread[] {
    this.requireAccess(employeeId, 'read', ref);
    return buildThreads(this.visibleEmails(employeeId).filter((a) => a.bindings.some((b) => b.type === ref.type && b.id === ref.id)));
  }

  /**
   * Finds e-mails by subject, sender or text (R9.2), within one item's form or across the CRM,
   * newest first, among the e-mails this employee may see (R6.3). Throws CRM.ITEM_ACCESS_DENIED
   * for an item the employee cannot open.
   */
  searchEmails(employeeId: number, search: EmailSearch, within?: ItemRef): EmailActivity[] {
    if (within) this.requireAccess(employeeId, 'read', within);
    const candidates = this.visibleEmails(employeeId).filter(
      (a) => within === undefined || a.bindings.some((b) => b.type === within.type && b.id === within.id),
    );
    return searchEmails(candidates, search);
  }

  private visibleEmails(employeeId: number): EmailActivity[] {
    this.directory.get(employeeId);
    const readable = new Map<string, boolean>();
    const canRead = (ref: ItemRef): boolean => {
      const key = `${ref.type}:${ref.id}`;
      let allowed = readable.get(key);
      if (allowed === undefined) readable.set(key, (allowed = this.rights.can(employeeId, 'read', ref)));
      return allowed;
    };
    return this.activities.all().filter((a) => canSeeEmail(a, canRead));
  }

  // Sending from a CRM form (R8)

  private readonly idSource: IdSource;
  private followUpsState: FollowUpStore | undefined;

  private get followUpStore(): FollowUpStore {
    this.followUpsState ??= new FollowUpStore(this.idSource);
    return this.followUpsState;
  }

  /** "Allow sending e-mails to arbitrary addresses", as the sending rules read it (R8.4). */
  private get sendingSettings(): SendingSettings {
    return { allowSendingToArbitraryAddresses: () => this.crmSettings().allowSendingToArbitraryAddresses };
  }

  allowsSendingToArbitraryAddresses(): boolean {
    return this.crmSettings().allowSendingToArbitraryAddresses;
  }

  /**
   * CRM > Settings > Other > Other settings > Activities: "Allow sending e-mails to arbitrary
   * addresses" (R8.4). Throws CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS for anyone but an
   * administrator or an employee with "User can edit settings" (R6.2).
   */
  setAllowSendingToArbitraryAddresses(actorId: number, allowed: boolean): void {
    this.updateCrmSettings(actorId, { allowSendingToArbitraryAddresses: allowed });
  }

  /** The CRM addresses the item's e-mail form offers in To, a deal's earlier e-mails' the last used first (reference §1.8 rule 46). */
  recipientOptions(ref: ItemRef): RecipientOption[] {
    return recipientOptions(this.items, this.activities, ref);
  }

  /** Whether the form can send to a CRM address at once, or why its button is inactive (R8.1). */
  sendingAvailability(ref: ItemRef): SendingAvailability {
    return sendingAvailability(this.items, this.activities, ref);
  }

  /**
   * Sends an e-mail from an item's form (R8): the CRM records it and returns the message, which the
   * mail connector then really sends. Refusals (nothing changes): CRM.SEND_NOT_ALLOWED (no edit
   * rights on the item, R8.5), CRM.SEND_NO_MAILBOX, CRM.MAILBOX_ACCESS_DENIED, CRM.SEND_NO_RECIPIENT
   * (R8.1), CRM.SEND_INVALID_ADDRESS, CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED (R8.4),
   * CRM.SEND_TOO_MANY_RECIPIENTS (R8.5), CRM.SEND_REPLY_NOT_IN_ITEM, CRM.UNKNOWN_ACTIVITY.
   */
  sendEmailFromForm(senderId: number, input: SendFromFormInput): SentFromForm {
    return sendFromForm(
      {
        clock: this.clock,
        items: this.items,
        activities: this.activities,
        timelines: this.timelines,
        mailboxes: this.registry,
        employees: this.directory,
        rights: this.rights,
        settings: this.sendingSettings,
      },
      senderId,
      input,
    );
  }

  /**
   * Chooses a contact or company in the deal's "Client" field (R8.2's first fix): a contact joins
   * the deal's contacts, a company becomes its company. Needs edit rights on the deal
   * (CRM.ITEM_ACCESS_DENIED).
   */
  chooseDealClient(actorId: number, dealId: number, client: ItemRef): Deal {
    const deal = this.items.get('deal', dealId);
    this.requireAccess(actorId, 'edit', { type: 'deal', id: deal.id });
    if (client.type === 'contact') {
      this.items.get('contact', client.id);
      const contactIds = deal.contactIds.includes(client.id) ? deal.contactIds : [...deal.contactIds, client.id];
      return this.itemService.setDealClient(deal.id, { contactIds, ...(deal.companyId !== undefined && { companyId: deal.companyId }) });
    }
    if (client.type === 'company') {
      this.items.get('company', client.id);
      return this.itemService.setDealClient(deal.id, { contactIds: deal.contactIds, companyId: client.id });
    }
    throw new CrmError('CRM.UNKNOWN_ITEM', `A deal's client is a contact or a company, not a ${client.type}.`);
  }

  /** The mailbox's mail address book: everyone its synced mail came from or went to (R8.3). */
  addressBook(mailboxId: number): Address[] {
    const mailbox = this.registry.get(mailboxId);
    return addressBook(mailbox.address, this.messages.ofMailbox(mailbox.id));
  }

  /** Who "Reply" to this e-mail puts in the To field (R8.6): the sender, as a CRM item where it is one. */
  replyRecipients(activityId: number): RecipientChoice[] {
    return replyRecipients(this.items, this.activityById(activityId));
  }

  /**
   * "Complete" on a planned e-mail activity: replying never does it (R8.6); from then on it shows
   * the time it was completed (R5.3). Needs edit rights on the item that owns the activity.
   * Throws CRM.UNKNOWN_ACTIVITY, CRM.ACTIVITY_EDIT_NOT_ALLOWED, CRM.ACTIVITY_ALREADY_COMPLETED.
   */
  completeActivity(actorId: number, activityId: number): EmailActivity {
    this.requireActivityEdit(actorId, this.activityById(activityId));
    return completeActivity(this.activities, this.clock, activityId, actorId);
  }

  /**
   * "Create a new activity from the e-mail" (R8.6): a planned follow-up in the same forms, for the
   * employee who creates it; the e-mail's own activity is completed.
   */
  createActivityFromEmail(actorId: number, activityId: number, input: { subject?: string; deadline?: Date } = {}): { email: EmailActivity; followUp: FollowUpActivity } {
    const activity = this.activityById(activityId);
    this.requireActivityEdit(actorId, activity);
    const now = this.clock();
    const followUp = this.followUpStore.add({
      subject: input.subject?.trim() || `Follow up: ${activity.subject}`,
      fromActivityId: activity.id,
      bindings: activity.bindings,
      responsibleId: actorId,
      authorId: actorId,
      createdAt: now,
      ...(input.deadline && { deadline: input.deadline }),
      completed: false,
    });
    for (const ref of activity.bindings) this.timelines.add(ref, { kind: 'follow-up', at: now, activityId: followUp.id, fromActivityId: activity.id });
    return { email: activity.completed ? activity : this.completeActivity(actorId, activity.id), followUp };
  }

  followUps(): readonly FollowUpActivity[] {
    return this.followUpStore.all();
  }

  private requireActivityEdit(actorId: number, activity: EmailActivity): void {
    const owner = activity.bindings[0]!;
    if (this.rights.can(actorId, 'edit', owner)) return;
    const actor = this.directory.get(actorId);
    throw new CrmError(
      'CRM.ACTIVITY_EDIT_NOT_ALLOWED',
      `${actor.name} does not have permission to edit activities of the ${owner.type} ${describeItem(this.items.item(owner))}.`,
    );
  }

  private requireAccess(employeeId: number, action: CrmAction, ref: ItemRef): void {
    if (this.rights.can(employeeId, action, ref)) return;
    const employee = this.directory.get(employeeId);
    throw new CrmError('CRM.ITEM_ACCESS_DENIED', `${employee.name} has no permission to ${action} the ${ref.type} ${describeItem(this.items.item(ref))}.`);
  }
}

function describeItem(item: { id: number; title?: string; name?: string }): string {
  const label = item.title ?? item.name;
  return label === undefined ? `#${item.id}` : `"${label}"`;
}
