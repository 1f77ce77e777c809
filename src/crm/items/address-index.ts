import { normaliseEmail } from '../matching/normalise.ts';
import type { HasEmails } from './crm-item.ts';
import { IdSets } from './id-sets.ts';

/** The item types that carry e-mail values of their own; deals reach e-mail through their client. */
export type TypeWithEmails = 'lead' | 'contact' | 'company';

/**
 * Address → items, for matching incoming mail (faq-rules §2 intro): every e-mail value of every
 * lead, contact and company, under the address as matching compares it (trimmed, lower-cased;
 * R8.3, reference §1.2 rule 9). The item store keeps it in step with every new item and every
 * change of e-mail values, so matching looks up the sender instead of reading every item.
 */
export class AddressIndex {
  private readonly byType: { [K in TypeWithEmails]: IdSets<string> } = { lead: new IdSets(), contact: new IdSets(), company: new IdSets() };

  /** Files an item's values, unfiling those it had before (undefined for a new item). */
  change(type: TypeWithEmails, id: number, before: HasEmails | undefined, after: HasEmails): void {
    if (before?.emails === after.emails) return;
    const index = this.byType[type];
    for (const key of keys(before)) index.delete(key, id);
    for (const key of keys(after)) index.add(key, id);
  }

  /** Ids of the items of this type with any of the addresses, each once. */
  idsWith(type: TypeWithEmails, addresses: readonly string[]): Set<number> {
    const found = new Set<number>();
    for (const key of new Set(addresses.map(normaliseEmail))) for (const id of this.byType[type].get(key)) found.add(id);
    return found;
  }
}

function keys(item: HasEmails | undefined): Set<string> {
  return new Set((item?.emails ?? []).map((e) => normaliseEmail(e.value)));
}
