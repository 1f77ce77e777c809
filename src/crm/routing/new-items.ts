import type { Contact } from '../items/contact.ts';
import { workEmails } from '../items/email-value.ts';
import type { NewItem } from '../items/item-store.ts';
import { EMAIL_LEAD_SOURCE, type Lead } from '../items/lead.ts';
import type { Address } from '../mailboxes/mailbox-message.ts';
import { senderLabel } from '../matching/sender.ts';

export interface NewSenderContext {
  /** The unknown sender addresses, Reply-To first; the first names the item. */
  readonly senders: readonly [Address, ...Address[]];
  readonly subject: string;
  readonly leadSource: string;
  readonly responsibleId: number;
}

/**
 * The lead for a new sender (R2.7; reference §1.3 rule 18): status "Unassigned", title = the
 * subject, or "Lead from <sender>'s message" without one; name = display name or address; every
 * sender address as a WORK e-mail; the mailbox's lead source.
 */
export function leadForNewSender(context: NewSenderContext): NewItem<Lead> {
  const [first] = context.senders;
  const subject = context.subject.trim();
  return {
    title: subject === '' ? `Lead from ${senderLabel(first)}'s message` : subject,
    name: senderLabel(first),
    status: 'Unassigned',
    source: context.leadSource,
    isReturnCustomer: false,
    emails: workEmails(context.senders.map((s) => s.address.trim())),
    responsibleId: context.responsibleId,
    availableToEveryone: true,
  };
}

/**
 * The contact for a new sender when the mailbox creates contacts (R2.7). Source "E-Mail", as the
 * product gives contacts it makes from e-mail (reference §1.8 rule 49).
 */
export function contactForNewSender(context: NewSenderContext): NewItem<Contact> {
  const [first] = context.senders;
  return {
    name: senderLabel(first),
    source: EMAIL_LEAD_SOURCE,
    emails: workEmails(context.senders.map((s) => s.address.trim())),
    responsibleId: context.responsibleId,
    availableToEveryone: true,
  };
}
