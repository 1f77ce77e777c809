import { expectedOne } from './scenario-errors.ts';
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
  const failure = expectedOne(type, label, matches.length, candidates.map((c) => c.label), type === 'company' ? 'companies' : `${type}s`);
  // Several of the same name: say how each differs, since their names cannot.
  if (matches.length > 1) failure.message += ` (${matches.map((m) => describeDuplicate(crm, { type, id: m.id })).join('; ')})`;
  throw failure;
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
