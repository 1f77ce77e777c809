import type { Contact } from '../items/contact.ts';
import type { Deal } from '../items/deal.ts';
import { workEmails } from '../items/email-value.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { NewItem } from '../items/item-store.ts';
import { EMAIL_LEAD_SOURCE, type Lead } from '../items/lead.ts';
import type { Address } from '../mailboxes/mailbox-message.ts';
import { senderLabel } from '../matching/sender.ts';

export interface NewSenderContext {
  /** The party's addresses, Reply-To (or To) first; the first names the item. */
  readonly senders: readonly [Address, ...Address[]];
  readonly subject: string;
  readonly leadSource: string;
  readonly responsibleId: number;
}

/** The title of an item made from an e-mail: its subject, or "<Type> from <sender>'s message". */
function titleFrom(context: NewSenderContext, type: 'Lead' | 'Deal'): string {
  const subject = context.subject.trim();
  return subject === '' ? `${type} from ${senderLabel(context.senders[0])}'s message` : subject;
}

/**
 * The lead for a new sender (R2.7; reference §1.3 rule 18): status "Unassigned", title = the
 * subject, or "Lead from <sender>'s message" without one; name = display name or address; every
 * sender address as a WORK e-mail; the mailbox's lead source.
 */
export function leadForNewSender(context: NewSenderContext): NewItem<Lead> {
  return {
    title: titleFrom(context, 'Lead'),
    name: senderLabel(context.senders[0]),
    status: 'Unassigned',
    source: context.leadSource,
    isReturnCustomer: false,
    emails: workEmails(context.senders.map((s) => s.address.trim())),
    responsibleId: context.responsibleId,
    availableToEveryone: true,
  };
}

/**
 * The contact for a new sender when the mailbox creates contacts (R2.7), and the contact beside
 * a Simple CRM deal (R2.6). Source "E-Mail", as the product gives contacts it makes from e-mail.
 */
export function contactForNewSender(context: NewSenderContext): NewItem<Contact> {
  return {
    name: senderLabel(context.senders[0]),
    source: EMAIL_LEAD_SOURCE,
    emails: workEmails(context.senders.map((s) => s.address.trim())),
    responsibleId: context.responsibleId,
    availableToEveryone: true,
  };
}

/**
 * A repeat lead for a client the CRM knows (R2.3; reference §1.4 rule 25): linked to the client,
 * marked as a returning customer. The client keeps the e-mail values; the lead holds the request.
 */
export function repeatLead(context: NewSenderContext, client: readonly ItemRef[]): NewItem<Lead> {
  const contact = client.find((r) => r.type === 'contact');
  const company = client.find((r) => r.type === 'company');
  return {
    title: titleFrom(context, 'Lead'),
    name: senderLabel(context.senders[0]),
    status: 'Unassigned',
    source: context.leadSource,
    isReturnCustomer: true,
    emails: [],
    ...(contact && { contactId: contact.id }),
    ...(company && { companyId: company.id }),
    responsibleId: context.responsibleId,
    availableToEveryone: true,
  };
}

/**
 * A deal made from an e-mail in Simple CRM mode (R2.6): stage "New", its client the given
 * contact and/or company; a returning customer's deal is a repeat deal.
 */
export function dealFromEmail(context: NewSenderContext, client: readonly ItemRef[], isReturnCustomer: boolean): NewItem<Deal> {
  const company = client.find((r) => r.type === 'company');
  return {
    title: titleFrom(context, 'Deal'),
    stage: 'New',
    contactIds: client.filter((r) => r.type === 'contact').map((r) => r.id),
    ...(company && { companyId: company.id }),
    isReturnCustomer,
    responsibleId: context.responsibleId,
    availableToEveryone: true,
  };
}
