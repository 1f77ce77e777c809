import type { Crm, ItemRef, ItemType } from '../crm/index.ts';

/**
 * Items as scenarios name them: leads, deals and companies by title, contacts by name. A name
 * must pick out one item; otherwise the error lists what there is, so a typo reads plainly.
 */
export function findItem(crm: Crm, type: ItemType, label: string): ItemRef {
  const candidates: Array<{ id: number; label: string }> =
    type === 'contact'
      ? crm.contacts().map((c) => ({ id: c.id, label: c.name }))
      : (type === 'lead' ? crm.leads() : type === 'deal' ? crm.deals() : crm.companies()).map((i) => ({ id: i.id, label: i.title }));
  const matches = candidates.filter((c) => c.label === label);
  if (matches.length === 1) return { type, id: matches[0]!.id };
  const known = candidates.map((c) => `"${c.label}"`).join(', ') || 'none';
  // Several of the same name: say how each differs, since their names cannot.
  const which = matches.length > 1 ? ` (${matches.map((m) => describeDuplicate(crm, { type, id: m.id })).join('; ')})` : '';
  throw new Error(`Expected one ${type} "${label}", found ${matches.length}${which}. The CRM's ${type === 'company' ? 'companies' : `${type}s`}: ${known}`);
}

/** "deal "Printers"", "lead 2": how an item reads in a failed step. */
export function describeItem(crm: Crm, ref: ItemRef): string {
  const item = crm.item(ref);
  const label = 'title' in item ? item.title : item.name;
  return `${ref.type} "${label}"`;
}

/** "id 4, jan@client.test, responsible Anna Nowak": what tells apart items of the same name. */
function describeDuplicate(crm: Crm, ref: ItemRef): string {
  const item = crm.item(ref);
  const emails = 'emails' in item ? item.emails.map((e) => e.value) : [];
  return [`id ${ref.id}`, ...emails, `responsible ${crm.employee(item.responsibleId).name}`].join(', ');
}
