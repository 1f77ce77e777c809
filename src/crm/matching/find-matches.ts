import type { Company } from '../items/company.ts';
import type { Contact } from '../items/contact.ts';
import type { CrmItemCommon, HasEmails } from '../items/crm-item.ts';
import { isDealActive, type Deal } from '../items/deal.ts';
import type { ItemStore } from '../items/item-store.ts';
import { isLeadInProgress, type Lead } from '../items/lead.ts';
import { normaliseEmail } from './normalise.ts';

/** What the CRM already knows about a set of sender addresses. */
export type MatchResult =
  | { readonly kind: 'client'; readonly contact?: Contact; readonly company?: Company; readonly activeDeal?: Deal }
  | { readonly kind: 'lead'; readonly lead: Lead }
  | { readonly kind: 'none' };

/**
 * Looks the addresses up: contacts and companies first, in-progress leads only when no contact
 * or company matched (faq-rules §2 intro; reference §1.2 rules 11, 12). Among several matches of
 * one type the most recently changed wins (reference rules 12, 13).
 */
export function findMatches(items: ItemStore, addresses: readonly string[]): MatchResult {
  const keys = new Set(addresses.map(normaliseEmail));
  const hasAddress = (item: HasEmails) => item.emails.some((e) => keys.has(normaliseEmail(e.value)));

  const company = mostRecent(items.all('company').filter(hasAddress));
  let contact = mostRecent(items.all('contact').filter(hasAddress));
  // A contact is bound with a company only if it works there; else only the company counts
  // (reference §1.2 rule 14).
  if (contact && company && contact.companyId !== company.id) contact = undefined;
  if (contact || company) {
    const activeDeal = mostRecent(
      items
        .all('deal')
        .filter(isDealActive)
        .filter((d) => (contact && d.contactIds.includes(contact.id)) || (company && d.companyId === company.id)),
    );
    return { kind: 'client', ...(contact && { contact }), ...(company && { company }), ...(activeDeal && { activeDeal }) };
  }

  const lead = mostRecent(items.all('lead').filter(isLeadInProgress).filter(hasAddress));
  return lead ? { kind: 'lead', lead } : { kind: 'none' };
}

function mostRecent<T extends CrmItemCommon>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of candidates) {
    const newer = !best || item.updatedAt.getTime() > best.updatedAt.getTime();
    const sameTimeLaterId = best && item.updatedAt.getTime() === best.updatedAt.getTime() && item.id > best.id;
    if (newer || sameTimeLaterId) best = item;
  }
  return best;
}
