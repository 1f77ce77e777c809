import { CrmError } from '../errors.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { IntakeOutcome } from './outcome.ts';

/**
 * "Save to CRM" cannot choose the item by hand (R3, Q11): the CRM binds by the message's
 * addresses. A message without a readable address on the outside party's side, or one that
 * could not be read at all, therefore cannot be saved by hand either; the person pressing the
 * button gets a refusal with a code, not a silent "not saved".
 */
export function refuseManualSave(outcome: IntakeOutcome): void {
  if (outcome.saved) return;
  const subject = outcome.mailboxMessage.subject.trim() === '' ? 'without a subject' : `"${outcome.mailboxMessage.subject}"`;
  switch (outcome.reason) {
    case 'unreadable-message':
      throw new CrmError(
        'CRM.SAVE_UNREADABLE_MESSAGE',
        `The e-mail ${subject} (${outcome.mailboxMessage.size ?? 'unknown'} bytes) could not be read, so it cannot be saved to the CRM. Open it in Mail or ask the sender to send it again.`,
      );
    case 'no-sender':
    case 'unreadable-sender':
      throw new CrmError(
        'CRM.SAVE_NO_SENDER_ADDRESS',
        `The e-mail ${subject} has no sender address that can be read, so the CRM has nothing to bind it to and cannot save it.`,
      );
    case 'no-recipient':
      throw new CrmError(
        'CRM.SAVE_NO_RECIPIENT_ADDRESS',
        `The sent e-mail ${subject} has no recipient address that can be read, so the CRM has nothing to bind it to and cannot save it.`,
      );
    default:
      return;
  }
}

/**
 * Q11, "nie możesz wybrać, do którego elementu zostanie przypisany": "Save to CRM" has no item to
 * choose (reference §1.11 rule 60). A caller that names one is refused before anything is saved,
 * and told what decides instead and how to move the e-mail afterwards.
 */
export function refuseChosenItem(chosen: ItemRef | undefined, subject: string): void {
  if (chosen === undefined) return;
  throw new CrmError(
    'CRM.SAVE_ITEM_NOT_CHOOSABLE',
    `"Save to CRM" cannot choose the item for the e-mail "${subject}": you cannot choose it by hand, the CRM binds it by the mailbox settings, its matching rules and the CRM's automation rules (R2.9). If it lands on a deal, "Change deal" can move it afterwards (R7).`,
  );
}
