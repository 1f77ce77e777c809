import type { Deal } from './deal.ts';
import { IdSets } from './id-sets.ts';
import type { Lead } from './lead.ts';

/** A client as matching knows it: a contact, a company, or both (faq-rules §0). */
export interface ClientIds {
  readonly contactId?: number | undefined;
  readonly companyId?: number | undefined;
}

/**
 * Client → deals and leads: a deal under each of its contacts and its company (the "Client"
 * field, R8.2), a lead under the contact and company it was made for (a repeat lead, R2.3). The
 * item store keeps it in step with new items, "Client" changes and conversions, so finding a
 * client's active deal or repeat lead (reference §1.2 rule 13) reads only that client's items.
 */
export class ClientIndex {
  private readonly deals = new IdSets<string>();
  private readonly leads = new IdSets<string>();

  changeDeal(id: number, before: Deal | undefined, after: Deal): void {
    if (before && before.contactIds === after.contactIds && before.companyId === after.companyId) return;
    for (const key of dealKeys(before)) this.deals.delete(key, id);
    for (const key of dealKeys(after)) this.deals.add(key, id);
  }

  changeLead(id: number, before: Lead | undefined, after: Lead): void {
    if (before && before.contactId === after.contactId && before.companyId === after.companyId) return;
    for (const key of leadKeys(before)) this.leads.delete(key, id);
    for (const key of leadKeys(after)) this.leads.add(key, id);
  }

  /** Ids of the deals whose client includes the contact or is the company, each once. */
  dealIdsOf(client: ClientIds): Set<number> {
    return union(this.deals, client);
  }

  /** Ids of the leads made for the contact or the company, each once. */
  leadIdsOf(client: ClientIds): Set<number> {
    return union(this.leads, client);
  }
}

function union(index: IdSets<string>, client: ClientIds): Set<number> {
  const found = new Set<number>();
  if (client.contactId !== undefined) for (const id of index.get(contactKey(client.contactId))) found.add(id);
  if (client.companyId !== undefined) for (const id of index.get(companyKey(client.companyId))) found.add(id);
  return found;
}

const contactKey = (id: number) => `contact:${id}`;
const companyKey = (id: number) => `company:${id}`;

function dealKeys(deal: Deal | undefined): string[] {
  if (!deal) return [];
  return [...deal.contactIds.map(contactKey), ...(deal.companyId === undefined ? [] : [companyKey(deal.companyId)])];
}

function leadKeys(lead: Lead | undefined): string[] {
  if (!lead) return [];
  return [...(lead.contactId === undefined ? [] : [contactKey(lead.contactId)]), ...(lead.companyId === undefined ? [] : [companyKey(lead.companyId)])];
}
