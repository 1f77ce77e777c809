import type { Company } from '../items/company.ts';
import type { Contact } from '../items/contact.ts';
import type { CrmItemCommon } from '../items/crm-item.ts';
import { isDealActive, type Deal } from '../items/deal.ts';
import type { ItemStore } from '../items/item-store.ts';
import { isLeadClosed, isLeadInProgress, type Lead } from '../items/lead.ts';

/** What the CRM already knows about a set of sender addresses. */
export type MatchResult =
  | {
      readonly kind: 'client';
      readonly contact?: Contact;
      readonly company?: Company;
      readonly activeDeal?: Deal;
      /** An in-progress lead made for this client, a repeat lead (R2.3 does not make a second). */
      readonly activeLead?: Lead;
    }
  | { readonly kind: 'lead'; readonly lead: Lead }
  | { readonly kind: 'none' };

export type ClientMatch = Extract<MatchResult, { kind: 'client' }>;

/**
 * Looks the addresses up: contacts and companies first, in-progress leads only when no contact
 * or company matched (faq-rules §2 intro; reference §1.2 rules 11, 12). Among several matches of
 * one type the most recently changed wins (reference rules 12, 13). The item store's indexes
 * (address → items, client → deals and leads) answer the look-ups, so the cost follows what the
 * addresses match, not how many items the CRM holds.
 */
export function findMatches(items: ItemStore, addresses: readonly string[]): MatchResult {
  let company = mostRecent(items.withAddresses('company', addresses));
  let contact = mostRecent(items.withAddresses('contact', addresses));
  // A contact is bound with a company only if it works there; else only the company counts
  // (reference §1.2 rule 14). A contact alone brings its company along: the company is the
  // client too, so its deals count (reference §1.2 rule 13; AES takes the contact's company).
  if (contact && company && contact.companyId !== company.id) contact = undefined;
  if (contact && !company && contact.companyId !== undefined) company = items.get('company', contact.companyId);
  if (contact || company) {
    const client = { contactId: contact?.id, companyId: company?.id };
    const activeDeal = mostRecent(items.dealsOfClient(client).filter(isDealActive));
    const activeLead = mostRecent(items.leadsOfClient(client).filter(isLeadInProgress));
    return {
      kind: 'client',
      ...(contact && { contact }),
      ...(company && { company }),
      ...(activeDeal && { activeDeal }),
      ...(activeLead && { activeLead }),
    };
  }

  const lead = mostRecent(items.withAddresses('lead', addresses).filter(isLeadInProgress));
  return lead ? { kind: 'lead', lead } : { kind: 'none' };
}

/**
 * The most recent closed lead of these addresses or of this client: one with the address, one
 * made for the client, or one the client's deals were converted from. Used only in legacy lead
 * creation mode (R2.4; reference §1.2 rule 12 "use finished lead").
 */
export function findClosedLead(items: ItemStore, addresses: readonly string[], client?: ClientMatch): Lead | undefined {
  const ofClient = { contactId: client?.contact?.id, companyId: client?.company?.id };
  const convertedFrom = items.dealsOfClient(ofClient).flatMap((d) => (d.leadId !== undefined && items.has({ type: 'lead', id: d.leadId }) ? [items.get('lead', d.leadId)] : []));
  const candidates = [...items.withAddresses('lead', addresses), ...convertedFrom, ...items.leadsOfClient(ofClient)];
  return mostRecent(candidates.filter(isLeadClosed));
}

/**
 * The most recently changed item; at the same moment, the later id (reference §1.2 rules 12,
 * 13). The answer does not depend on the candidates' order, and an item listed twice counts once.
 */
export function mostRecent<T extends CrmItemCommon>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of candidates) {
    const newer = !best || item.updatedAt.getTime() > best.updatedAt.getTime();
    const sameTimeLaterId = best && item.updatedAt.getTime() === best.updatedAt.getTime() && item.id > best.id;
    if (newer || sameTimeLaterId) best = item;
  }
  return best;
}
