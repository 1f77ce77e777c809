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
 * - `new-address`: typed in, or entered with To → Add → "Add new address" (name and address, R8.2),
 *   which is not a pick from the CRM even when the CRM holds the same address (reference §1.8 rule 49);
 * - `address-book`: picked from the mail address book, the mailbox's correspondents (the blue icon, R8.3).
 */
export type RecipientChoice =
  | { readonly kind: 'crm'; readonly item: ItemRef; readonly address?: string }
  | { readonly kind: 'new-address'; readonly name?: string; readonly address: string }
  | { readonly kind: 'address-book'; readonly name?: string; readonly address: string };

/** A recipient once the CRM has looked at it: who gets the mail, and what it is in the CRM. */
export interface PlannedRecipient {
  /** What the mail is sent to: the address with the white space around it dropped (toWireAddress). */
  readonly address: Address;
  /** The CRM item the address belongs to, when it is one the CRM knows. */
  readonly item?: ItemRef;
  /** A contact the CRM will create for it: name, and the address lower-cased (reference §1.8 rule 49). */
  readonly newContact?: { readonly name: string; readonly email: string };
}

/**
 * Decides every recipient before anything is created, so a refused e-mail leaves the CRM as it was.
 * R8.3: a contact or company picked from the CRM is that item, and no contact is created. An
 * address that was not picked from the CRM (typed, "Add new address", or the mail address book)
 * gets no duplicate check: it always makes a new contact, a duplicate when the person is already in
 * the CRM, whatever the spelling (reference §1.8 rule 49, EDITOR: isEmail=Y recipients). It must
 * pass the form's address check first (see toWireAddress), or nothing is sent.
 * R8.4: with "Allow sending e-mails to arbitrary addresses" off, only CRM addresses are accepted.
 */
export function planRecipient(items: ItemStore, choice: RecipientChoice, arbitraryAllowed: boolean): PlannedRecipient {
  if (choice.kind === 'crm') return crmRecipient(items, choice.item, choice.address);
  const wire = toWireAddress(choice.address);
  if (wire === undefined) {
    throw new CrmError('CRM.SEND_INVALID_ADDRESS', `"${choice.address}" is not an e-mail address the message can be sent to.`);
  }
  const name = choice.name?.trim() || undefined;
  if (!arbitraryAllowed) {
    const source = choice.kind === 'address-book' ? 'from the mail address book' : 'that is not in the CRM';
    throw new CrmError(
      'CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED',
      `The address ${choice.address.trim()} ${source} cannot be a recipient: "Allow sending e-mails to arbitrary addresses" is off, so e-mail goes only to addresses from the CRM (R8.4).`,
    );
  }
  const email = wire.toLowerCase();
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
