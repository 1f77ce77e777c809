import type { EmailActivity } from '../activities/email-activity.ts';
import type { ItemRef } from '../items/item-ref.ts';

/**
 * R6.3: an employee sees an e-mail only with read access to EVERY item it is bound to. An e-mail
 * bound to a deal and a contact is hidden from someone who cannot read contacts, in the deal's
 * form too. (Bitrix24's code checks the owner only; the FAQ's stricter rule is the one modelled,
 * reference §1.10 rule 56.)
 */
export function canSeeEmail(activity: Pick<EmailActivity, 'bindings'>, canRead: (ref: ItemRef) => boolean): boolean {
  return activity.bindings.every(canRead);
}

/** The bindings that hide the e-mail from the employee: what a report names as the cause (R6.3). */
export function hidingBindings(activity: Pick<EmailActivity, 'bindings'>, canRead: (ref: ItemRef) => boolean): ItemRef[] {
  return activity.bindings.filter((ref) => !canRead(ref));
}
