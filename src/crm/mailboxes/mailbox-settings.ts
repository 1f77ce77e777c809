import { EMAIL_LEAD_SOURCE } from '../items/lead.ts';
import type { MailboxFolder } from './folder-path.ts';
import { withoutVanishedFolders } from './vanished-folders.ts';

/** "Create [Lead / Contact] for incoming e-mail from a new address", or off (R2.7). */
export type NewSenderEntity = 'lead' | 'contact' | 'off';
export const NEW_SENDER_ENTITIES: readonly NewSenderEntity[] = ['lead', 'contact', 'off'];

/** "Process e-mails for the last N days" (`crm_sync_days`): 7, 30 or all (R1.4). */
export type ProcessPeriod = 7 | 30 | 'all';
export const PROCESS_PERIODS: readonly ProcessPeriod[] = [7, 30, 'all'];

/** A mailbox's CRM settings, named after the product's wording (reference §3). */
export interface MailboxSettings {
  /** "Integration with CRM" (`crm_connect`): off, nothing is saved automatically (R1.1). */
  readonly crmIntegration: boolean;
  /** "Move spam to folder": messages in it are never saved automatically (R1.2, R1.3). */
  readonly spamFolder: string;
  /** Folder roles from "Configure folders for synchronization". */
  readonly inboxFolder: string;
  readonly sentFolder: string;
  /** Trash and Drafts are not saved automatically (R1.2, reference §1.1 rule 3). */
  readonly trashFolder: string;
  readonly draftsFolder: string;
  /** "Configure folders for synchronization": the folders the connector syncs. */
  readonly foldersToSync: readonly string[] | 'all';
  /** "Create lead for incoming e-mail from a new address" (`crm_new_entity_in`, R2.7). */
  readonly createForNewSender: NewSenderEntity;
  /**
   * "Create [Lead / Contact] for outgoing e-mail to a new address" (`crm_new_entity_out`): what
   * mail found in the Sent folder makes for a recipient the CRM does not know.
   */
  readonly createForNewRecipient: NewSenderEntity;
  /**
   * "Process e-mails for the last N days": mail dated before the mailbox's connection minus N
   * days is not saved automatically (R1.4; reference §1.1 rule 2).
   */
  readonly processPeriod: ProcessPeriod;
  /** "Lead source" of leads created from this mailbox (`crm_lead_source`, default "E-Mail"). */
  readonly leadSource: string;
  /** Employees who get new items round-robin (`crm_lead_resp`, R4.4); default the connector. */
  readonly responsibleQueue: readonly number[];
}

export type MailboxSettingName = keyof MailboxSettings;

export const MAILBOX_SETTING_NAMES: readonly MailboxSettingName[] = [
  'crmIntegration',
  'spamFolder',
  'inboxFolder',
  'sentFolder',
  'trashFolder',
  'draftsFolder',
  'foldersToSync',
  'createForNewSender',
  'createForNewRecipient',
  'processPeriod',
  'leadSource',
  'responsibleQueue',
];

export function isMailboxSettingName(name: string): name is MailboxSettingName {
  return (MAILBOX_SETTING_NAMES as readonly string[]).includes(name);
}

/**
 * The settings a mailbox has before anyone chooses: folder roles come from the special-use
 * attributes the server lists (RFC 6154), INBOX from its reserved name. Before the folders are
 * listed, and for a server that marks no such folder, the usual names stand in ("Spam" for the
 * spam folder as the FAQ's fix names it, Q1).
 */
export function defaultMailboxSettings(connectorId: number, folders: readonly MailboxFolder[]): MailboxSettings {
  const withUse = (use: string, fallback: string) => folders.find((f) => f.specialUse === use)?.path ?? fallback;
  return {
    crmIntegration: true,
    spamFolder: withUse('\\Junk', 'Spam'),
    inboxFolder: 'INBOX',
    sentFolder: withUse('\\Sent', 'Sent'),
    trashFolder: withUse('\\Trash', 'Trash'),
    draftsFolder: withUse('\\Drafts', 'Drafts'),
    foldersToSync: 'all',
    createForNewSender: 'lead',
    // The product's outgoing default is a contact (reference §3 "Owner for outgoing e-mail").
    createForNewRecipient: 'contact',
    processPeriod: 7,
    leadSource: EMAIL_LEAD_SOURCE,
    responsibleQueue: [connectorId],
  };
}

/** What a mailbox's settings are: the defaults, overridden by what was chosen (of folders the server still lists). */
export function resolveMailboxSettings(
  connectorId: number,
  folders: readonly MailboxFolder[],
  chosen: Partial<MailboxSettings>,
): MailboxSettings {
  return { ...defaultMailboxSettings(connectorId, folders), ...withoutVanishedFolders(chosen, folders) };
}

/**
 * The first moment whose mail the CRM processes automatically: the connection time minus the
 * chosen period, or undefined for "all" (R1.4; `crm_sync_from`, reference §1.1 rule 2).
 */
export function processFrom(connectedAt: Date, period: ProcessPeriod): Date | undefined {
  return period === 'all' ? undefined : new Date(connectedAt.getTime() - period * 24 * 60 * 60 * 1000);
}
