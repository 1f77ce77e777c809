import type { CrmErrorCode } from '../errors.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { EmailActivity } from './email-activity.ts';

/** Whether "Change deal" (timeline → e-mail → Open → More → Change deal) is in the e-mail's menu, and why not. */
export type ChangeDealOffer =
  | { readonly offered: true; readonly deal: ItemRef }
  | { readonly offered: false; readonly code: CrmErrorCode; readonly reason: string };

/**
 * R7.1, R7.2: "Change deal" moves an e-mail from its deal to another, so it needs a deal binding;
 * an e-mail bound to both a lead and a deal (the deal was created from the lead) does not offer it
 * (reference §1.9 rule 52).
 */
export function changeDealOffer(activity: Pick<EmailActivity, 'bindings'>): ChangeDealOffer {
  const deal = activity.bindings.find((ref) => ref.type === 'deal');
  if (!deal) {
    return {
      offered: false,
      code: 'CRM.CHANGE_DEAL_NOT_BOUND_TO_DEAL',
      reason: '"Change deal" moves an e-mail from one deal to another; this e-mail is not bound to a deal.',
    };
  }
  if (activity.bindings.some((ref) => ref.type === 'lead')) {
    return {
      offered: false,
      code: 'CRM.CHANGE_DEAL_CONVERTED_LEAD',
      reason:
        'The e-mail was added to a deal created from a lead, so it is bound to both the deal and the lead; its deal cannot be changed (R7.2).',
    };
  }
  return { offered: true, deal };
}

/** The bindings after the move: the new deal in the old one's place, everything else kept. */
export function rebindDeal(bindings: readonly ItemRef[], from: ItemRef, to: ItemRef): ItemRef[] {
  return bindings.map((ref) => (ref.type === from.type && ref.id === from.id ? to : ref));
}
