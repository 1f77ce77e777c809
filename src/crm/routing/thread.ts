import type { ActivityStore } from '../activities/activity-store.ts';
import type { EmailActivity } from '../activities/email-activity.ts';
import { isDealActive } from '../items/deal.ts';
import { sortBindings, type ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import { isLeadInProgress } from '../items/lead.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';
import type { MatchResult } from '../matching/find-matches.ts';

/**
 * The CRM activity a message answers: the one named by In-Reply-To, else the most recent one
 * named in References (RFC 5322 §3.6.4 lists them oldest first). Its thread parent (R9.1).
 */
export function findParent(activities: ActivityStore, message: Pick<MailboxMessage, 'inReplyTo' | 'references'>): EmailActivity | undefined {
  const named = [message.inReplyTo, ...[...(message.references ?? [])].reverse()];
  for (const id of named) {
    const parent = activities.byMessageId(id);
    if (parent) return parent;
  }
  return undefined;
}

/**
 * Where a reply to CRM mail goes (R2.8): its parent's deal if that deal is in progress, else its
 * parent's lead if in progress. A closed one leaves the reply to the ordinary rules (reference
 * §1.5 rule 30).
 */
export function replyTarget(items: ItemStore, parent: EmailActivity): ItemRef | undefined {
  const deal = parent.bindings.find((ref) => ref.type === 'deal' && isDealActive(items.get('deal', ref.id)));
  if (deal) return deal;
  return parent.bindings.find((ref) => ref.type === 'lead' && isLeadInProgress(items.get('lead', ref.id)));
}

/**
 * What a reply is bound to (R2.8): the target deal or lead; other deals and leads are dropped,
 * the client the sender matched stays bound (reference §1.5 rule 30). Nothing is created.
 */
export function replyBindings(target: ItemRef, match: MatchResult): ItemRef[] {
  if (match.kind !== 'client') return [target];
  return sortBindings([
    target,
    ...(match.contact ? [{ type: 'contact' as const, id: match.contact.id }] : []),
    ...(match.company ? [{ type: 'company' as const, id: match.company.id }] : []),
  ]);
}
