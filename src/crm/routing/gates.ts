import { sameFolder } from '../mailboxes/folder-path.ts';
import type { MailboxSettings } from '../mailboxes/mailbox-settings.ts';
import type { NotSavedReason } from './outcome.ts';

/**
 * Why the sync must not save a message from `folder` automatically, or undefined when it may.
 * The spam folder is whichever folder "Move spam to folder" names: set to INBOX, it blocks every
 * inbox message (R1.3), because the comparison is by folder, not by any spam mark.
 */
export function automaticSaveBlocker(settings: MailboxSettings, folder: string): NotSavedReason | undefined {
  if (!settings.crmIntegration) return 'integration-off'; // R1.1
  if (sameFolder(folder, settings.spamFolder)) return 'spam-folder'; // R1.2, R1.3
  if (sameFolder(folder, settings.trashFolder) || sameFolder(folder, settings.draftsFolder)) return 'trash-or-drafts'; // R1.2
  return directionBlocker(settings, folder);
}

/**
 * "Save to CRM" ignores the integration switch and the spam, Trash and Drafts folders (R3.1, R3.2;
 * reference §1.11 rule 60). Only the Sent folder, which this version does not route, still stops it.
 */
export function manualSaveBlocker(settings: MailboxSettings, folder: string): NotSavedReason | undefined {
  return directionBlocker(settings, folder);
}

/**
 * Mail in the Sent folder is outgoing: it is matched by its recipients and governed by the
 * mailbox's outgoing settings (reference §1.1 rule 8, §3 "for outgoing e-mail to a new address"),
 * which are not modelled yet. Until they are, it stays in the message list only.
 */
function directionBlocker(settings: MailboxSettings, folder: string): NotSavedReason | undefined {
  return sameFolder(folder, settings.sentFolder) ? 'sent-folder' : undefined;
}
