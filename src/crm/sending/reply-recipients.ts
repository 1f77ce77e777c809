import type { EmailActivity } from '../activities/email-activity.ts';
import type { ItemStore } from '../items/item-store.ts';
import { normaliseEmail } from '../matching/normalise.ts';
import { senderCandidates } from '../matching/sender.ts';
import type { RecipientChoice } from './recipient-choice.ts';

/**
 * Who "Reply" puts in the To field: the e-mail's sender (Reply-To first) for an incoming e-mail,
 * its recipients for an outgoing one. An address that belongs to an item the e-mail is bound to is
 * that CRM item, so answering a client never creates a contact (R8.3).
 */
export function replyRecipients(items: ItemStore, parent: EmailActivity): RecipientChoice[] {
  const addresses = parent.direction === 'incoming' ? senderCandidates({ replyTo: [], from: parent.from }) : [...parent.to];
  return addresses.map((address): RecipientChoice => {
    const key = normaliseEmail(address.address);
    for (const ref of parent.bindings) {
      if (ref.type === 'deal') continue;
      const item = items.get(ref.type, ref.id);
      const held = item.emails.find((e) => normaliseEmail(e.value) === key);
      if (held) return { kind: 'crm', item: ref, address: held.value };
    }
    return { kind: 'new-address', address: address.address, ...(address.name && { name: address.name }) };
  });
}
