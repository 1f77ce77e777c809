/** The CRM item types an e-mail can be bound to. */
export type ItemType = 'lead' | 'contact' | 'company' | 'deal';

/** A reference to one CRM item, as stored in an activity's bindings. */
export interface ItemRef {
  readonly type: ItemType;
  readonly id: number;
}

export function sameRef(a: ItemRef, b: ItemRef): boolean {
  return a.type === b.type && a.id === b.id;
}

/** "lead 3": how refs read in messages and shrunk property-test failures. */
export function formatRef(ref: ItemRef): string {
  return `${ref.type} ${ref.id}`;
}

/**
 * Bindings are kept in this order, and the first is the activity's owner: deal, then lead, then
 * contact, then company (R4.1; reference §1.2 rule 15, Bitrix24 type ids 2, 1, 3, 4).
 */
const OWNER_PRIORITY: Readonly<Record<ItemType, number>> = { deal: 0, lead: 1, contact: 2, company: 3 };

export function sortBindings(refs: readonly ItemRef[]): ItemRef[] {
  const unique = refs.filter((ref, i) => refs.findIndex((other) => sameRef(ref, other)) === i);
  return unique.sort((a, b) => OWNER_PRIORITY[a.type] - OWNER_PRIORITY[b.type]);
}
