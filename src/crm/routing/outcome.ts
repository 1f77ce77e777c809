import type { EmailActivity } from '../activities/email-activity.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';

/** Why a mailbox message did not become a CRM activity. */
export type NotSavedReason =
  | 'duplicate'
  | 'already-saved'
  | 'integration-off'
  | 'spam-folder'
  | 'trash-or-drafts'
  | 'sent-folder'
  | 'new-sender-creation-off'
  | 'no-sender';

/** The same reasons in words, for reports and failing scenarios. */
export const NOT_SAVED_EXPLANATIONS: Readonly<Record<NotSavedReason, string>> = {
  duplicate: 'The connector handed over this message (same folder, UIDVALIDITY and UID) before (R1.5).',
  'already-saved': 'The message is already in the CRM; it is not saved twice (R1.5, R3.3).',
  'integration-off': '"Integration with CRM" is off for the mailbox, so nothing is saved automatically (R1.1).',
  'spam-folder': 'The message is in the folder chosen in "Move spam to folder", so it is not saved automatically (R1.2, R1.3).',
  'trash-or-drafts': 'The message is in the Trash or Drafts folder, so it is not saved automatically (R1.2).',
  'sent-folder': 'The message is in the Sent folder; mail sent from the mailbox is not routed to the CRM yet.',
  'new-sender-creation-off':
    'The sender is not in the CRM and "Create lead for incoming e-mail from a new address" is off, so nothing is created and the e-mail is not saved (R2.7).',
  'no-sender': 'The message names no sender (no From or Reply-To address), so there is nothing to match or create.',
};

export interface SavedOutcome {
  readonly saved: true;
  readonly mailboxMessage: MailboxMessage;
  readonly activity: EmailActivity;
  /** Items created for the e-mail, e.g. the lead for a new sender (R2.7); empty when bound to known items. */
  readonly created: readonly ItemRef[];
}

export interface NotSavedOutcome {
  readonly saved: false;
  readonly reason: NotSavedReason;
  readonly mailboxMessage: MailboxMessage;
  /** For `already-saved`: the activity the message already is. */
  readonly activity?: EmailActivity;
}

/** What became of a message handed to the CRM, by the sync or by "Save to CRM". */
export type IntakeOutcome = SavedOutcome | NotSavedOutcome;
