import { CrmError } from '../errors.ts';
import type { Clock, IdSource } from '../ids.ts';
import { AddressIndex, type TypeWithEmails } from './address-index.ts';
import { ClientIndex, type ClientIds } from './client-index.ts';
import type { Company } from './company.ts';
import type { Contact } from './contact.ts';
import type { CrmItemCommon } from './crm-item.ts';
import type { Deal, DealStage } from './deal.ts';
import type { ItemRef, ItemType } from './item-ref.ts';
import type { Lead, LeadStatus } from './lead.ts';

/** What a caller supplies for a new item; id and times are the store's. */
export type NewItem<T extends CrmItemCommon> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

interface ItemsByType {
  lead: Lead;
  contact: Contact;
  company: Company;
  deal: Deal;
}

export type CrmItem = ItemsByType[ItemType];

/**
 * Leads, contacts, companies and deals. Records are immutable; a change replaces the record, and
 * every record goes in through `add` or `update`, which keep the indexes (address → items,
 * client → deals and leads) in step, so incoming mail is matched without reading every item.
 */
export class ItemStore {
  private readonly tables: { [K in ItemType]: Map<number, ItemsByType[K]> } = {
    lead: new Map(),
    contact: new Map(),
    company: new Map(),
    deal: new Map(),
  };
  private readonly ids: IdSource;
  private readonly clock: Clock;
  private readonly addresses = new AddressIndex();
  private readonly clients = new ClientIndex();

  constructor(ids: IdSource, clock: Clock) {
    this.ids = ids;
    this.clock = clock;
  }

  has(ref: ItemRef): boolean {
    return this.tables[ref.type].has(ref.id);
  }

  add<K extends ItemType>(type: K, fields: NewItem<ItemsByType[K]>): ItemsByType[K] {
    const now = this.clock();
    const item = { ...fields, id: this.ids.next(type), createdAt: now, updatedAt: now } as ItemsByType[K];
    this.tables[type].set(item.id, item);
    this.reindex(type, undefined, item);
    return item;
  }

  get<K extends ItemType>(type: K, id: number): ItemsByType[K] {
    const item = this.tables[type].get(id);
    if (!item) throw new CrmError('CRM.UNKNOWN_ITEM', `There is no ${type} with id ${id}.`);
    return item;
  }

  item(ref: ItemRef): CrmItem {
    return this.get(ref.type, ref.id);
  }

  all<K extends ItemType>(type: K): readonly ItemsByType[K][] {
    return [...this.tables[type].values()];
  }

  setLeadStatus(id: number, status: LeadStatus): Lead {
    return this.update('lead', id, { status });
  }

  setDealStage(id: number, stage: DealStage): Deal {
    return this.update('deal', id, { stage });
  }

  /** Replaces the record with the change applied; "last changed" moves to now (reference §1.2 rule 13). */
  update<K extends ItemType>(type: K, id: number, change: Partial<NewItem<ItemsByType[K]>>): ItemsByType[K] {
    const before = this.get(type, id);
    const item = { ...before, ...change, updatedAt: this.clock() };
    this.tables[type].set(id, item);
    this.reindex(type, before, item);
    return item;
  }

  /** The items of this type with any of these addresses (compared as matching does, R8.3), in no set order. */
  withAddresses<K extends TypeWithEmails>(type: K, addresses: readonly string[]): ItemsByType[K][] {
    return this.records(type, this.addresses.idsWith(type, addresses));
  }

  /** The deals whose client includes the contact or is the company, in no set order. */
  dealsOfClient(client: ClientIds): Deal[] {
    return this.records('deal', this.clients.dealIdsOf(client));
  }

  /** The leads made for the contact or the company (repeat leads, R2.3), in no set order. */
  leadsOfClient(client: ClientIds): Lead[] {
    return this.records('lead', this.clients.leadIdsOf(client));
  }

  private records<K extends ItemType>(type: K, ids: Iterable<number>): ItemsByType[K][] {
    const table = this.tables[type];
    return [...ids].map((id) => table.get(id)!);
  }

  private reindex<K extends ItemType>(type: K, before: ItemsByType[K] | undefined, after: ItemsByType[K]): void {
    if (type === 'deal') this.clients.changeDeal(after.id, before as Deal | undefined, after as Deal);
    else this.addresses.change(type as TypeWithEmails, after.id, before as Lead | Contact | Company | undefined, after as Lead | Contact | Company);
    if (type === 'lead') this.clients.changeLead(after.id, before as Lead | undefined, after as Lead);
  }
}
