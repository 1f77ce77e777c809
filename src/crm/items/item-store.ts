import { CrmError } from '../errors.ts';
import type { Clock, IdSource } from '../ids.ts';
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

/** Leads, contacts, companies and deals. Records are immutable; a change replaces the record. */
export class ItemStore {
  private readonly tables: { [K in ItemType]: Map<number, ItemsByType[K]> } = {
    lead: new Map(),
    contact: new Map(),
    company: new Map(),
    deal: new Map(),
  };
  private readonly ids: IdSource;
  private readonly clock: Clock;

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
    const item = { ...this.get(type, id), ...change, updatedAt: this.clock() };
    this.tables[type].set(id, item);
    return item;
  }
}
