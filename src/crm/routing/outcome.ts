import type { EmailActivity } from '../activities/email-activity.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';
import type { AutomationRun } from '../automation/automation-rule.ts';

/** Why a mailbox message did not become a CRM activity. */
export type NotSavedReason =
  | 'duplicate'
  | 'already-saved'
  | 'integration-off'
  | 'spam-folder'
  | 'spam-moved-to-inbox'
  | 'trash-or-drafts'
  | 'outside-processing-period'
  | 'sender-is-employee'
  | 'recipients-are-employees'
  | 'on-exceptions-list'
  | 'new-sender-creation-off'
  | 'new-recipient-creation-off'
  | 'no-sender'
  | 'unreadable-sender'
  | 'no-recipient'
  | 'unreadable-message';

/** The same reasons in the product's words, for reports and failing scenarios. */
export const NOT_SAVED_EXPLANATIONS: Readonly<Record<NotSavedReason, string>> = {
  duplicate: 'The connector handed over this message (same folder, UIDVALIDITY and UID) before (R1.5).',
  'already-saved': 'The message is already in the CRM; it is not saved twice (R1.5, R3.3).',
  'integration-off': '"Integration with CRM" is off for the mailbox, so nothing is saved automatically (R1.1).',
  'spam-folder': 'The message is in the folder chosen in "Move spam to folder", so it is not saved automatically (R1.2, R1.3).',
  'spam-moved-to-inbox':
    '"Move spam to folder" points at Inbox, so no incoming e-mail is saved automatically, whichever folder it is synchronised from (R1.3).',
  'trash-or-drafts': 'The message is in the Trash or Drafts folder, so it is not saved automatically (R1.2).',
  'outside-processing-period':
    'The message is older than "Process e-mails for the last N days" allows, counted from when the mailbox was connected, so it is not saved automatically (R1.4).',
  'sender-is-employee': 'Messages sent by employees cannot be saved to the CRM: the sender is an employee or another connected mailbox (R1.4).',
  'recipients-are-employees': 'Messages received by employees cannot be saved to the CRM: every recipient is an employee or a connected mailbox (R1.4).',
  'on-exceptions-list': 'The address is on the CRM\'s exceptions list, so no lead or deal is created and the e-mail is not saved automatically (R1.4).',
  'new-sender-creation-off':
    'The sender is not in the CRM and "Create lead for incoming e-mail from a new address" is off, so nothing is created and the e-mail is not saved (R2.7).',
  'new-recipient-creation-off':
    'The recipient is not in the CRM and "Create lead for outgoing e-mail to a new address" is off, so nothing is created and the e-mail is not saved.',
  'no-sender': 'The message names no sender (no From or Reply-To address), so there is nothing to match or create.',
  'unreadable-sender':
    'The message\'s From field holds no e-mail address that can be read, and there is no Reply-To, so there is no sender to match or create a lead for.',
  'unreadable-message':
    'The message could not be read (it is damaged or breaks the mail format\'s limits), so it is listed in the mailbox with its size but cannot be saved to the CRM.',
  'no-recipient': 'The sent message names no recipient (no To or Cc address), so there is nothing to match or create.',
};

export interface SavedOutcome {
  readonly saved: true;
  readonly mailboxMessage: MailboxMessage;
  /** The activity as it stands after the automation rules ran. */
  readonly activity: EmailActivity;
  /** Items created for the e-mail, e.g. the lead for a new sender (R2.7); empty when bound to known items. */
  readonly created: readonly ItemRef[];
  /** The automation rules the save triggered, in the order they ran (R2.9). */
  readonly automation: readonly AutomationRun[];
}

export interface NotSavedOutcome {
  readonly saved: false;
  readonly reason: NotSavedReason;
  readonly mailboxMessage: MailboxMessage;
  /** For `already-saved` and `duplicate`: the activity the message already is. */
  readonly activity?: EmailActivity;
}

/** What became of a message handed to the CRM, by the sync or by "Save to CRM". */
export type IntakeOutcome = SavedOutcome | NotSavedOutcome;
