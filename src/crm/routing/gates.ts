import type { ConnectedMailbox } from '../mailboxes/connected-mailbox.ts';
import { sameFolder } from '../mailboxes/folder-path.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';
import { processFrom, type MailboxSettings } from '../mailboxes/mailbox-settings.ts';
import type { NotSavedReason } from './outcome.ts';

/**
 * Why the sync must not save a message from `folder` automatically, or undefined when it may.
 * The spam folder is whichever folder "Move spam to folder" names: set to INBOX, it blocks every
 * inbox message, and incoming mail in every other synchronised folder too (R1.3). These gates
 * hold for replies to CRM mail too (R2.8 overrides the routing rules, not the mailbox's folders).
 */
export function automaticSaveBlocker(settings: MailboxSettings, folder: string): NotSavedReason | undefined {
  if (!settings.crmIntegration) return 'integration-off'; // R1.1
  if (sameFolder(folder, settings.spamFolder)) return 'spam-folder'; // R1.2, R1.3
  if (sameFolder(folder, settings.trashFolder) || sameFolder(folder, settings.draftsFolder)) return 'trash-or-drafts'; // R1.2
  // R1.3: with spam moved to Inbox, "wszystkie przychodzące e-maile nie będą automatycznie
  // zapisywane", from every synchronised folder, not only the Inbox (reference §1.1 rule 3 [D]: "no
  // incoming mail is auto-saved"; only the mechanism is inferred). Sent mail is outgoing, not incoming.
  if (sameFolder(settings.spamFolder, settings.inboxFolder) && !isOutgoing(settings, folder)) return 'spam-moved-to-inbox';
  return undefined;
}

/**
 * "Process e-mails for the last N days": a message dated before the mailbox's connection minus
 * N days is not saved automatically (R1.4). The message's own date (its Date header, as the
 * product reads it; reference §1.1 rule 2) decides; without one, when the server received it.
 */
export function processingPeriodBlocker(mailbox: ConnectedMailbox, message: MailboxMessage): NotSavedReason | undefined {
  const from = processFrom(mailbox.connectedAt, mailbox.settings.processPeriod);
  const dated = message.date ?? message.receivedAt;
  return from !== undefined && dated.getTime() < from.getTime() ? 'outside-processing-period' : undefined;
}

/** Mail in the mailbox's Sent folder is outgoing: its party is the recipients (reference §1.1 rule 8). */
export function isOutgoing(settings: MailboxSettings, folder: string): boolean {
  return sameFolder(folder, settings.sentFolder);
}
