import type { ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import type { ConnectedMailbox } from '../mailboxes/connected-mailbox.ts';
import type { Address } from '../mailboxes/mailbox-message.ts';
import type { MailboxRegistry } from '../mailboxes/mailbox-registry.ts';
import type { BindingDecision } from './binding-decision.ts';
import { contactForNewSender, dealFromEmail, leadForNewSender, repeatLead, type NewSenderContext } from './new-items.ts';

export interface CreateDeps {
  readonly items: ItemStore;
  readonly mailboxes: MailboxRegistry;
}

type CreatingDecision = Extract<BindingDecision, { kind: 'create' | 'repeat-lead' | 'repeat-deal' }>;

/**
 * Makes what the decision asks for, for the next employee of the mailbox's queue (R4.4), and
 * says what the e-mail is bound to: the new item, owner first, with the client it belongs to.
 */
export function createForDecision(
  deps: CreateDeps,
  mailbox: ConnectedMailbox,
  decision: CreatingDecision,
  party: readonly [Address, ...Address[]],
  subject: string,
): { bindings: ItemRef[]; created: ItemRef[] } {
  const context: NewSenderContext = { senders: party, subject, leadSource: mailbox.settings.leadSource, responsibleId: deps.mailboxes.takeResponsible(mailbox.id) };
  switch (decision.kind) {
    case 'repeat-lead': {
      const lead: ItemRef = { type: 'lead', id: deps.items.add('lead', repeatLead(context, decision.client)).id }; // R2.3
      return { bindings: [lead, ...decision.client], created: [lead] };
    }
    case 'repeat-deal': {
      const deal: ItemRef = { type: 'deal', id: deps.items.add('deal', dealFromEmail(context, decision.client, true)).id }; // R2.6
      return { bindings: [deal, ...decision.client], created: [deal] };
    }
    case 'create':
      if (decision.entity === 'lead') {
        const lead: ItemRef = { type: 'lead', id: deps.items.add('lead', leadForNewSender(context)).id }; // R2.7
        return { bindings: [lead], created: [lead] };
      }
      {
        const contact: ItemRef = { type: 'contact', id: deps.items.add('contact', contactForNewSender(context)).id };
        if (decision.entity === 'contact') return { bindings: [contact], created: [contact] }; // R2.7
        const deal: ItemRef = { type: 'deal', id: deps.items.add('deal', dealFromEmail(context, [contact], false)).id }; // R2.6
        return { bindings: [deal, contact], created: [deal, contact] };
      }
  }
}
