import type { ItemRef } from '../items/item-ref.ts';
import type { Lead } from '../items/lead.ts';
import type { NewSenderEntity } from '../mailboxes/mailbox-settings.ts';
import type { ClientMatch, MatchResult } from '../matching/find-matches.ts';
import type { CrmSettings } from '../settings/crm-settings.ts';

/** What to make for a party the CRM does not know. */
export type NewPartyEntity = 'lead' | 'contact' | 'deal-and-contact';

/** What to do with an e-mail once its party is looked up. */
export type BindingDecision =
  | { readonly kind: 'bind'; readonly bindings: readonly ItemRef[] }
  | { readonly kind: 'create'; readonly entity: NewPartyEntity }
  | { readonly kind: 'repeat-lead' | 'repeat-deal'; readonly client: readonly ItemRef[] }
  | { readonly kind: 'not-saved'; readonly reason: 'new-sender-creation-off' | 'new-recipient-creation-off' };

export interface DecisionInput {
  readonly match: MatchResult;
  /** The party's most recent closed lead; looked up only for legacy lead creation mode (R2.4). */
  readonly closedLead?: Lead;
  readonly settings: Pick<CrmSettings, 'crmMode' | 'repeatSalesMode' | 'legacyLeadCreationMode'>;
  /** The mailbox's "Create … for incoming / outgoing e-mail from / to a new address". */
  readonly createForNewParty: NewSenderEntity;
  /** "Save to CRM" (R3.2): the creation switch is ignored, the e-mail always ends up bound. */
  readonly forced: boolean;
  readonly outgoing: boolean;
}

/**
 * The routing rules of faq-rules §2 for a party already looked up. The person saving cannot
 * choose the item (R2.9): this function alone decides, from the CRM and mailbox settings.
 */
export function decideBinding(input: DecisionInput): BindingDecision {
  const { match, settings } = input;
  const simple = settings.crmMode === 'Simple CRM';
  const legacy = !simple && !settings.repeatSalesMode && settings.legacyLeadCreationMode;
  switch (match.kind) {
    case 'client': {
      const client = clientRefs(match);
      if (match.activeDeal) return bind({ type: 'deal', id: match.activeDeal.id }, ...client); // R2.1
      if (match.activeLead) return bind({ type: 'lead', id: match.activeLead.id }, ...client); // an open repeat lead (R2.3)
      // Repeat leads and deals answer a client's new request; mail sent to a client is history.
      if (input.outgoing) return bind(...client);
      if (simple) return { kind: 'repeat-deal', client }; // R2.6: repeat sales mode does not apply
      if (settings.repeatSalesMode) return { kind: 'repeat-lead', client }; // R2.3, whatever the mailbox says
      if (legacy && input.closedLead) return bind({ type: 'lead', id: input.closedLead.id }, ...client); // R2.4
      return bind(...client); // R2.5
    }
    case 'lead':
      return bind({ type: 'lead', id: match.lead.id }); // R2.2
    case 'none': {
      // R2.4: a former lead writing again goes back to its closed lead rather than a new one.
      if (legacy && !input.outgoing && input.closedLead) return bind({ type: 'lead', id: input.closedLead.id });
      const wanted = input.createForNewParty === 'off' ? (input.forced ? 'lead' : 'off') : input.createForNewParty;
      if (wanted === 'off') return { kind: 'not-saved', reason: input.outgoing ? 'new-recipient-creation-off' : 'new-sender-creation-off' }; // R2.7
      // R2.6: Simple CRM makes a deal with a contact where classic mode makes a lead; incoming
      // mail always becomes a deal there (reference §1.3 rule 21).
      if (simple && (wanted === 'lead' || !input.outgoing)) return { kind: 'create', entity: 'deal-and-contact' };
      return { kind: 'create', entity: wanted }; // R2.7
    }
  }
}

function clientRefs(match: ClientMatch): ItemRef[] {
  return [
    ...(match.contact ? [{ type: 'contact' as const, id: match.contact.id }] : []),
    ...(match.company ? [{ type: 'company' as const, id: match.company.id }] : []),
  ];
}

function bind(...bindings: ItemRef[]): BindingDecision {
  return { kind: 'bind', bindings };
}
