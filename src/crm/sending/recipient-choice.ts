import { CrmError } from '../errors.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import type { Address } from '../mailboxes/mailbox-message.ts';
import { normaliseEmail } from '../matching/normalise.ts';
import { itemLabel } from './recipient-options.ts';
import { toWireAddress } from './wire-address.ts';

/**
 * How a recipient got into the To or Cc field of a CRM e-mail form:
 * - `crm`: a contact, company or lead picked from the CRM (the form's client, or found by name);
 * - `new-address`: typed in, or entered with To → Add → "Add new address" (name and address, R8.2);
 * - `address-book`: picked from the mail address book, the mailbox's correspondents (the blue icon, R8.3).
 */
export type RecipientChoice =
  | { readonly kind: 'crm'; readonly item: ItemRef; readonly address?: string }
  | { readonly kind: 'new-address'; readonly name?: string; readonly address: string }
  | { readonly kind: 'address-book'; readonly name?: string; readonly address: string };

/** A recipient once the CRM has looked at it: who gets the mail, and what it is in the CRM. */
export interface PlannedRecipient {
  /** What the mail system delivers to (white space around "@" and dots dropped, RFC 5322 §4.4). */
  readonly address: Address;
  /** The CRM item the address belongs to, when it is one the CRM knows. */
  readonly item?: ItemRef;
  /** A contact the CRM will create for it: name, and the address as typed (trimmed, lower-cased). */
  readonly newContact?: { readonly name: string; readonly email: string };
}

/**
 * The CRM's own record of an address: a contact, else a company, whose e-mail is the same after
 * trimming and lower-casing, and nothing looser (R8.3; reference §1.2 rule 9). The oldest wins,
 * being the original of any duplicates.
 */
export function crmItemWithAddress(items: ItemStore, typed: string): ItemRef | undefined {
  const key = normaliseEmail(typed);
  const has = (emails: readonly { value: string }[]) => emails.some((e) => normaliseEmail(e.value) === key);
  const contact = items.all('contact').find((c) => has(c.emails));
  if (contact) return { type: 'contact', id: contact.id };
  const company = items.all('company').find((c) => has(c.emails));
  return company ? { type: 'company', id: company.id } : undefined;
}

/**
 * Decides every recipient before anything is created, so a refused e-mail leaves the CRM as it was.
 * R8.3: an address the CRM already has (same after trimming and lower-casing) is that item, and no
 * contact is created; an address-book pick is always taken as new, and a typed address written
 * differently is new too, so each makes a contact, a duplicate when the person is in the CRM.
 * R8.4: with "Allow sending e-mails to arbitrary addresses" off, only CRM addresses are accepted.
 */
export function planRecipient(items: ItemStore, choice: RecipientChoice, arbitraryAllowed: boolean): PlannedRecipient {
  if (choice.kind === 'crm') return crmRecipient(items, choice.item, choice.address);
  const wire = toWireAddress(choice.address);
  if (wire === undefined) {
    throw new CrmError('CRM.SEND_INVALID_ADDRESS', `"${choice.address}" is not an e-mail address the message can be sent to.`);
  }
  const name = choice.name?.trim() || undefined;
  const known = choice.kind === 'new-address' ? crmItemWithAddress(items, choice.address) : undefined;
  if (known) return crmRecipient(items, known, choice.address);
  if (!arbitraryAllowed) {
    const source = choice.kind === 'address-book' ? 'from the mail address book' : 'that is not in the CRM';
    throw new CrmError(
      'CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED',
      `The address ${choice.address.trim()} ${source} cannot be a recipient: "Allow sending e-mails to arbitrary addresses" is off, so e-mail goes only to addresses from the CRM (R8.4).`,
    );
  }
  const email = choice.address.trim().toLowerCase();
  return { address: name ? { name, address: wire } : { address: wire }, newContact: { name: name ?? email, email } };
}

function crmRecipient(items: ItemStore, ref: ItemRef, address: string | undefined): PlannedRecipient {
  if (ref.type === 'deal') throw new CrmError('CRM.SEND_INVALID_ADDRESS', 'A deal has no e-mail of its own; choose its contact or company.');
  const item = items.get(ref.type, ref.id);
  const label = itemLabel(item);
  const chosen = address === undefined ? item.emails[0]?.value : item.emails.find((e) => normaliseEmail(e.value) === normaliseEmail(address))?.value;
  if (chosen === undefined) {
    const what = address === undefined ? 'has no e-mail' : `has no e-mail ${address.trim()}`;
    throw new CrmError('CRM.SEND_NO_RECIPIENT', `The ${ref.type} "${label}" ${what}, so it cannot be a recipient.`);
  }
  const wire = toWireAddress(chosen);
  if (wire === undefined) throw new CrmError('CRM.SEND_INVALID_ADDRESS', `The e-mail "${chosen}" of the ${ref.type} "${label}" is not an address mail can be sent to.`);
  return { address: { name: 'name' in item && item.name ? item.name : label, address: wire }, item: ref };
}
