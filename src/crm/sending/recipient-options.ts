import type { CrmErrorCode } from '../errors.ts';
import type { HasEmails } from '../items/crm-item.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { CrmItem, ItemStore } from '../items/item-store.ts';

/** A CRM address the e-mail form offers in its To field. */
export interface RecipientOption {
  readonly item: ItemRef;
  readonly name: string;
  readonly address: string;
}

/** Whether the form's "E-mail" can send at once, with the addresses it offers, or why not (R8.1). */
export type SendingAvailability =
  | { readonly available: true; readonly options: readonly RecipientOption[] }
  | { readonly available: false; readonly code: CrmErrorCode; readonly reason: string };

export function itemLabel(item: CrmItem): string {
  return 'title' in item ? item.title : item.name;
}

function optionsOf(ref: ItemRef, item: CrmItem & HasEmails): RecipientOption[] {
  const name = 'name' in item && item.name !== undefined ? item.name : itemLabel(item);
  return item.emails.filter((e) => e.value.trim() !== '').map((e) => ({ item: ref, name, address: e.value.trim() }));
}

/**
 * The CRM addresses a form offers (reference §1.8 rule 46): a deal offers only the contacts and the
 * company linked to it; a contact its own e-mails and its company's; a company its own and those of
 * its contacts; a lead its own.
 */
export function recipientOptions(items: ItemStore, ref: ItemRef): RecipientOption[] {
  switch (ref.type) {
    case 'deal': {
      const deal = items.get('deal', ref.id);
      const contacts = deal.contactIds.flatMap((id) => optionsOf({ type: 'contact', id }, items.get('contact', id)));
      const company = deal.companyId === undefined ? [] : optionsOf({ type: 'company', id: deal.companyId }, items.get('company', deal.companyId));
      return [...contacts, ...company];
    }
    case 'contact': {
      const contact = items.get('contact', ref.id);
      const company = contact.companyId === undefined ? [] : optionsOf({ type: 'company', id: contact.companyId }, items.get('company', contact.companyId));
      return [...optionsOf(ref, contact), ...company];
    }
    case 'company': {
      const staff = items.all('contact').filter((c) => c.companyId === ref.id);
      return [...optionsOf(ref, items.get('company', ref.id)), ...staff.flatMap((c) => optionsOf({ type: 'contact', id: c.id }, c))];
    }
    case 'lead':
      return optionsOf(ref, items.get('lead', ref.id));
  }
}

/**
 * R8.1: from a deal, e-mail goes only to a contact or company linked to it that has an e-mail; with
 * none the form's send button is inactive, and the reason names both fixes of R8.2.
 */
export function sendingAvailability(items: ItemStore, ref: ItemRef): SendingAvailability {
  const options = recipientOptions(items, ref);
  if (options.length > 0) return { available: true, options };
  const item = items.item(ref);
  const label = `the ${ref.type} "${itemLabel(item)}"`;
  const linked = ref.type === 'deal' && (items.get('deal', ref.id).contactIds.length > 0 || items.get('deal', ref.id).companyId !== undefined);
  const cause =
    ref.type === 'deal'
      ? linked
        ? `The client linked to ${label} has no e-mail.`
        : `No contact or company is linked to ${label}: e-mail from a deal goes only to its client.`
      : `${label[0]!.toUpperCase()}${label.slice(1)} has no e-mail.`;
  const fix =
    ref.type === 'deal'
      ? ' Choose a client with an e-mail in the "Client" field, or in the e-mail form choose To → Add → "Add new address".'
      : ' Add an e-mail to it, or in the e-mail form choose To → Add → "Add new address".';
  return { available: false, code: 'CRM.SEND_NO_RECIPIENT', reason: cause + fix };
}
