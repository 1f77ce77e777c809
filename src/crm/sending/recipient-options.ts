import type { ActivityStore } from '../activities/activity-store.ts';
import type { EmailActivity } from '../activities/email-activity.ts';
import type { CrmErrorCode } from '../errors.ts';
import type { HasEmails } from '../items/crm-item.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { CrmItem, ItemStore } from '../items/item-store.ts';
import { normaliseEmail } from '../matching/normalise.ts';

/** A CRM address the e-mail form offers in its To field. */
export interface RecipientOption {
  readonly item: ItemRef;
  readonly name: string;
  readonly address: string;
  /**
   * Why the form offers it: the item's own client (`client`: a deal's linked contacts and company,
   * a contact's own e-mails and its company's, …), or an earlier e-mail of the deal (`earlier-email`).
   */
  readonly source: 'client' | 'earlier-email';
}

/** Whether the form's "E-mail" can send at once, with the addresses it offers, or why not (R8.1). */
export type SendingAvailability =
  | { readonly available: true; readonly options: readonly RecipientOption[] }
  | { readonly available: false; readonly code: CrmErrorCode; readonly reason: string };

export function itemLabel(item: CrmItem): string {
  return 'title' in item ? item.title : item.name;
}

function nameOf(item: CrmItem): string {
  return 'name' in item && item.name !== undefined ? item.name : itemLabel(item);
}

function optionsOf(ref: ItemRef, item: CrmItem & HasEmails): RecipientOption[] {
  return item.emails.filter((e) => e.value.trim() !== '').map((e) => ({ item: ref, name: nameOf(item), address: e.value.trim(), source: 'client' }));
}

/** The addresses the form finds on its own: the client (reference §1.8 rule 46). */
function clientOptions(items: ItemStore, ref: ItemRef): RecipientOption[] {
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
 * The addresses of a deal's earlier e-mails, the last used first (reference §1.8 rule 46; EDITOR's
 * GetCrmEntityCommunications adds the deal's "previous communications"): whom its sent e-mails went
 * to and whom its received e-mails came from, each with the CRM item the e-mail is bound to for
 * that address. An address no bound item holds any more is not offered.
 */
function earlierEmailOptions(items: ItemStore, activities: ActivityStore, deal: ItemRef): RecipientOption[] {
  const inDeal = (a: EmailActivity) => a.bindings.some((b) => b.type === deal.type && b.id === deal.id);
  const lastUsedFirst = activities
    .all()
    .filter(inDeal)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  return lastUsedFirst.flatMap((activity) => {
    const parties = activity.direction === 'outgoing' ? [...activity.to, ...activity.cc] : activity.from;
    return parties.flatMap((party): RecipientOption[] => {
      for (const ref of activity.bindings) {
        if (ref.type === 'deal' || !items.has(ref)) continue;
        const item = items.get(ref.type, ref.id);
        const stored = item.emails.find((e) => normaliseEmail(e.value) === normaliseEmail(party.address));
        if (stored) return [{ item: ref, name: nameOf(item), address: stored.value.trim(), source: 'earlier-email' }];
      }
      return [];
    });
  });
}

/** Each address once, where it first appears. */
function distinctAddresses(options: readonly RecipientOption[]): RecipientOption[] {
  return options.filter((o, i) => options.findIndex((p) => normaliseEmail(p.address) === normaliseEmail(o.address)) === i);
}

/**
 * The CRM addresses a form offers (R8.1; reference §1.8 rule 46): a deal offers the contacts and the
 * company linked to it, and the addresses of its earlier e-mails, the last used first; a contact its
 * own e-mails and its company's; a company its own and those of its contacts; a lead its own. An
 * address offered for both reasons counts as the client's.
 */
export function recipientOptions(items: ItemStore, activities: ActivityStore, ref: ItemRef): RecipientOption[] {
  const client = clientOptions(items, ref);
  if (ref.type !== 'deal') return distinctAddresses(client);
  const isClient = (o: RecipientOption) => client.some((c) => normaliseEmail(c.address) === normaliseEmail(o.address));
  const earlier = earlierEmailOptions(items, activities, ref).map((o): RecipientOption => (isClient(o) ? { ...o, source: 'client' } : o));
  return distinctAddresses([...earlier, ...client]);
}

/**
 * R8.1: a deal's form offers only its client's addresses and those of its earlier e-mails; with
 * none the send button is inactive, and the reason names both fixes of R8.2.
 */
export function sendingAvailability(items: ItemStore, activities: ActivityStore, ref: ItemRef): SendingAvailability {
  const options = recipientOptions(items, activities, ref);
  if (options.length > 0) return { available: true, options };
  const item = items.item(ref);
  const label = `the ${ref.type} "${itemLabel(item)}"`;
  const linked = ref.type === 'deal' && (items.get('deal', ref.id).contactIds.length > 0 || items.get('deal', ref.id).companyId !== undefined);
  const cause =
    ref.type === 'deal'
      ? linked
        ? `The client linked to ${label} has no e-mail.`
        : `No contact or company is linked to ${label}, and it has no earlier e-mail: a deal's form offers only its client.`
      : `${label[0]!.toUpperCase()}${label.slice(1)} has no e-mail.`;
  const fix =
    ref.type === 'deal'
      ? ' Choose a client with an e-mail in the "Client" field, or in the e-mail form choose To → Add → "Add new address".'
      : ' Add an e-mail to it, or in the e-mail form choose To → Add → "Add new address".';
  return { available: false, code: 'CRM.SEND_NO_RECIPIENT', reason: cause + fix };
}
