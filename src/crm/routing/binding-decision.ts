import type { ItemRef } from '../items/item-ref.ts';
import type { NewSenderEntity } from '../mailboxes/mailbox-settings.ts';
import type { MatchResult } from '../matching/find-matches.ts';

/** What to do with an e-mail once its senders are looked up. */
export type BindingDecision =
  | { readonly kind: 'bind'; readonly bindings: readonly ItemRef[] }
  | { readonly kind: 'create'; readonly entity: 'lead' | 'contact' }
  | { readonly kind: 'not-saved'; readonly reason: 'new-sender-creation-off' };

/**
 * Known senders are bound, never duplicated; unknown ones get what "Create lead for incoming
 * e-mail from a new address" says (R2.7). The person saving cannot choose the item (R2.9).
 *
 * `forced` is "Save to CRM": the switch is ignored and a new sender always gets an item (R3.2);
 * with the switch off that is a lead, the product's entity for new senders (reference §1.3 rules
 * 17, 18; §1.11 rule 60).
 */
export function decideBinding(match: MatchResult, createForNewSender: NewSenderEntity, forced: boolean): BindingDecision {
  switch (match.kind) {
    case 'client': {
      // R2.1: the client's active deal, and the client. Without an active deal the e-mail goes to
      // the client only (R2.5); repeat leads (R2.3) and closed leads (R2.4) need the CRM-wide
      // repeat sales settings, which are not modelled yet.
      const refs: ItemRef[] = [];
      if (match.activeDeal) refs.push({ type: 'deal', id: match.activeDeal.id });
      if (match.contact) refs.push({ type: 'contact', id: match.contact.id });
      if (match.company) refs.push({ type: 'company', id: match.company.id });
      return { kind: 'bind', bindings: refs };
    }
    case 'lead':
      return { kind: 'bind', bindings: [{ type: 'lead', id: match.lead.id }] }; // R2.2
    case 'none':
      if (createForNewSender !== 'off') return { kind: 'create', entity: createForNewSender };
      return forced ? { kind: 'create', entity: 'lead' } : { kind: 'not-saved', reason: 'new-sender-creation-off' };
  }
}
