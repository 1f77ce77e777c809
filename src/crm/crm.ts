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
import type { CrmSettings } from './settings/crm-settings.ts';
import { CrmSettingsStore } from './settings/crm-settings-store.ts';
import type { TimelineEntry } from './timeline/timeline-entry.ts';
import { Timelines } from './timeline/timeline.ts';

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
    return saveMessage(this.intakeDeps(), mailbox, recorded.message);
  }

  /**
   * "Save to CRM" next to a message in the mailbox's list (R3.1). Throws CRM.UNKNOWN_MAILBOX_MESSAGE,
   * CRM.UNKNOWN_EMPLOYEE, and CRM.MAILBOX_ACCESS_DENIED for an employee without mailbox access.
   */
  saveToCrm(actorId: number, mailboxMessageId: number): IntakeOutcome {
    const message = this.messages.get(mailboxMessageId);
    const actor = this.directory.get(actorId);
    const mailbox = this.registry.get(message.mailboxId);
    if (!this.registry.hasAccess(mailbox.id, actor.id)) {
      throw new CrmError('CRM.MAILBOX_ACCESS_DENIED', `${actor.name} has no access to the mailbox ${mailbox.address}.`);
    }
    return saveMessage(this.intakeDeps(), mailbox, message, actor.id);
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
    return this.activities.forMessage(message.mailboxId, message.id, message.messageId);
  }

  emailActivities(): readonly EmailActivity[] {
    return this.activities.all();
  }

  /** Throws CRM.UNKNOWN_ACTIVITY. */
  emailActivity(id: number): EmailActivity {
    return this.activities.get(id);
  }

  /**
   * "Complete" on a planned e-mail activity (R5.3). Throws CRM.UNKNOWN_ACTIVITY,
   * CRM.UNKNOWN_EMPLOYEE, CRM.ACTIVITY_ALREADY_COMPLETED.
   */
  completeActivity(actorId: number, activityId: number): EmailActivity {
    return completeActivity(this.activities, this.clock, activityId, this.directory.get(actorId).id);
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
}
