import type { Company } from '../items/company.ts';
import type { Contact } from '../items/contact.ts';
import type { CrmItemCommon, HasEmails } from '../items/crm-item.ts';
import { isDealActive, type Deal } from '../items/deal.ts';
import type { ItemStore } from '../items/item-store.ts';
import { isLeadClosed, isLeadInProgress, type Lead } from '../items/lead.ts';
import { normaliseEmail } from './normalise.ts';

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
 * one type the most recently changed wins (reference rules 12, 13).
 */
export function findMatches(items: ItemStore, addresses: readonly string[]): MatchResult {
  const hasAddress = addressFilter(addresses);
  let company = mostRecent(items.all('company').filter(hasAddress));
  let contact = mostRecent(items.all('contact').filter(hasAddress));
  // A contact is bound with a company only if it works there; else only the company counts
  // (reference §1.2 rule 14). A contact alone brings its company along: the company is the
  // client too, so its deals count (reference §1.2 rule 13; AES takes the contact's company).
  if (contact && company && contact.companyId !== company.id) contact = undefined;
  if (contact && !company && contact.companyId !== undefined) company = items.get('company', contact.companyId);
  if (contact || company) {
    const ofClient = (ids: { contactIds?: readonly number[]; contactId?: number; companyId?: number }) =>
      (contact !== undefined && (ids.contactIds?.includes(contact.id) || ids.contactId === contact.id)) ||
      (company !== undefined && ids.companyId === company.id);
    const activeDeal = mostRecent(items.all('deal').filter(isDealActive).filter(ofClient));
    const activeLead = mostRecent(items.all('lead').filter(isLeadInProgress).filter(ofClient));
    return {
      kind: 'client',
      ...(contact && { contact }),
      ...(company && { company }),
      ...(activeDeal && { activeDeal }),
      ...(activeLead && { activeLead }),
    };
  }

  const lead = mostRecent(items.all('lead').filter(isLeadInProgress).filter(hasAddress));
  return lead ? { kind: 'lead', lead } : { kind: 'none' };
}

/**
 * The most recent closed lead of these addresses or of this client: one with the address, one
 * made for the client, or one the client's deals were converted from. Used only in legacy lead
 * creation mode (R2.4; reference §1.2 rule 12 "use finished lead").
 */
export function findClosedLead(items: ItemStore, addresses: readonly string[], client?: ClientMatch): Lead | undefined {
  const hasAddress = addressFilter(addresses);
  const contactId = client?.contact?.id;
  const companyId = client?.company?.id;
  const convertedInto = new Set(
    items
      .all('deal')
      .filter((d) => (contactId !== undefined && d.contactIds.includes(contactId)) || (companyId !== undefined && d.companyId === companyId))
      .flatMap((d) => (d.leadId === undefined ? [] : [d.leadId])),
  );
  return mostRecent(
    items
      .all('lead')
      .filter(isLeadClosed)
      .filter(
        (lead) =>
          hasAddress(lead) ||
          convertedInto.has(lead.id) ||
          (contactId !== undefined && lead.contactId === contactId) ||
          (companyId !== undefined && lead.companyId === companyId),
      ),
  );
}

function addressFilter(addresses: readonly string[]): (item: HasEmails) => boolean {
  const keys = new Set(addresses.map(normaliseEmail));
  return (item) => item.emails.some((e) => keys.has(normaliseEmail(e.value)));
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
