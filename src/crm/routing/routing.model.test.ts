import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemRef } from '../items/item-ref.ts';
import type { NewSenderEntity } from '../mailboxes/mailbox-settings.ts';
import type { CrmMode } from '../settings/crm-settings.ts';
import { inbound, world, type World } from '../testing.ts';

/**
 * Model-based test of incoming routing (R2.1–R2.7) in both CRM modes: random clients, deals,
 * leads, settings and e-mails, each e-mail's outcome checked against a model that is a few flat
 * lists and the rules read straight off faq-rules §2. Time moves one minute per command, so
 * "most recently changed" is the model's sequence number.
 */

const ADDRESSES = ['ann@c.test', 'bob@c.test', 'cat@c.test', 'dan@c.test'];

interface ModelItem {
  readonly id: number;
  seq: number;
}
interface MContact extends ModelItem { readonly address?: string; readonly companyId?: number }
interface MCompany extends ModelItem { readonly address: string }
interface MDeal extends ModelItem { open: boolean; readonly contactId?: number; readonly companyId?: number }
interface MLead extends ModelItem { open: boolean; readonly address?: string; readonly contactId?: number; readonly companyId?: number }

interface Model {
  seq: number;
  mode: CrmMode;
  repeatSales: boolean;
  legacy: boolean;
  createForNewSender: NewSenderEntity;
  contacts: MContact[];
  companies: MCompany[];
  deals: MDeal[];
  leads: MLead[];
}

type Command = fc.Command<Model, World>;

const newest = <T extends ModelItem>(items: readonly T[]): T | undefined =>
  items.reduce<T | undefined>((best, item) => (!best || item.seq > best.seq || (item.seq === best.seq && item.id > best.id) ? item : best), undefined);

/** What the rules say an e-mail from `address` does: the owner it is bound to and what is created. */
type Expected = { saved: false } | { saved: true; owner: ItemRef | 'new-lead' | 'new-deal' | 'new-contact'; created: string[] };

function expected(m: Model, address: string): Expected {
  const simple = m.mode === 'Simple CRM';
  const legacy = !simple && !m.repeatSales && m.legacy;
  let company = newest(m.companies.filter((c) => c.address === address));
  let contact = newest(m.contacts.filter((c) => c.address === address));
  if (contact && company && contact.companyId !== company.id) contact = undefined;
  if (contact && !company && contact.companyId !== undefined) company = m.companies.find((c) => c.id === contact!.companyId);
  const closedLead = (ofClient: (l: MLead) => boolean) => newest(m.leads.filter((l) => !l.open && (l.address === address || ofClient(l))));
  if (contact || company) {
    const ofClient = (x: { contactId?: number; companyId?: number }) =>
      (contact !== undefined && x.contactId === contact.id) || (company !== undefined && x.companyId === company.id);
    const deal = newest(m.deals.filter((d) => d.open && ofClient(d)));
    if (deal) return { saved: true, owner: { type: 'deal', id: deal.id }, created: [] }; // R2.1
    const repeat = newest(m.leads.filter((l) => l.open && ofClient(l)));
    if (repeat) return { saved: true, owner: { type: 'lead', id: repeat.id }, created: [] };
    if (simple) return { saved: true, owner: 'new-deal', created: ['deal'] }; // R2.6
    if (m.repeatSales) return { saved: true, owner: 'new-lead', created: ['lead'] }; // R2.3
    const closed = legacy ? closedLead(ofClient) : undefined;
    if (closed) return { saved: true, owner: { type: 'lead', id: closed.id }, created: [] }; // R2.4
    return { saved: true, owner: contact ? { type: 'contact', id: contact.id } : { type: 'company', id: company!.id }, created: [] }; // R2.5
  }
  const lead = newest(m.leads.filter((l) => l.open && l.address === address));
  if (lead) return { saved: true, owner: { type: 'lead', id: lead.id }, created: [] }; // R2.2
  const closed = legacy ? closedLead(() => false) : undefined;
  if (closed) return { saved: true, owner: { type: 'lead', id: closed.id }, created: [] }; // R2.4
  if (m.createForNewSender === 'off') return { saved: false }; // R2.7
  if (simple) return { saved: true, owner: 'new-deal', created: ['deal', 'contact'] }; // R2.6
  return m.createForNewSender === 'lead' ? { saved: true, owner: 'new-lead', created: ['lead'] } : { saved: true, owner: 'new-contact', created: ['contact'] }; // R2.7
}

class Receive implements Command {
  readonly address: string;
  constructor(address: string) {
    this.address = address;
  }
  check = () => true;
  run(m: Model, w: World): void {
    const client = this.clientOf(m);
    const want = expected(m, this.address);
    const outcome = w.crm.receiveMailboxMessage(w.mailbox.id, inbound({ from: [{ address: this.address }] }));
    if (!want.saved) {
      expect(outcome.saved ? 'saved' : outcome.reason).toBe('new-sender-creation-off');
      return;
    }
    if (!outcome.saved) throw new Error(`not saved: ${outcome.reason}`);
    expect(outcome.created.map((r) => r.type)).toEqual(want.created);
    const owner = outcome.activity.bindings[0]!;
    if (typeof want.owner === 'object') expect(owner).toEqual(want.owner);
    else expect(owner).toEqual(outcome.created[0]);
    for (const ref of outcome.created) this.remember(m, ref, client, outcome.created);
  }
  /** The client the e-mail's sender is, as the model sees it, for linking a repeat lead or deal. */
  private clientOf(m: Model): { contactId?: number; companyId?: number } {
    let company = newest(m.companies.filter((c) => c.address === this.address));
    let contact = newest(m.contacts.filter((c) => c.address === this.address));
    if (contact && company && contact.companyId !== company.id) contact = undefined;
    if (contact && !company && contact.companyId !== undefined) company = m.companies.find((c) => c.id === contact!.companyId);
    return { ...(contact && { contactId: contact.id }), ...(company && { companyId: company.id }) };
  }
  private remember(m: Model, ref: ItemRef, client: { contactId?: number; companyId?: number }, created: readonly ItemRef[]): void {
    const seq = m.seq;
    const known = client.contactId !== undefined || client.companyId !== undefined;
    if (ref.type === 'lead') m.leads.push({ id: ref.id, seq, open: true, ...(known ? client : { address: this.address }) });
    if (ref.type === 'contact') m.contacts.push({ id: ref.id, seq, address: this.address });
    if (ref.type === 'deal') {
      const contact = created.find((r) => r.type === 'contact');
      m.deals.push({ id: ref.id, seq, open: true, ...(contact ? { contactId: contact.id } : client) });
    }
  }
  toString = () => `e-mail from ${this.address}`;
}

class AddCompany implements Command {
  readonly address: string;
  constructor(address: string) {
    this.address = address;
  }
  check = () => true;
  run(m: Model, w: World): void {
    const company = w.crm.addCompany({ title: `Co ${this.address}`, emails: [this.address], responsibleId: w.boris.id });
    m.companies.push({ id: company.id, seq: m.seq, address: this.address });
  }
  toString = () => `company with ${this.address}`;
}

class AddContact implements Command {
  readonly address: string;
  readonly company: number | undefined;
  constructor(address: string, company: number | undefined) {
    this.address = address;
    this.company = company;
  }
  check = () => true;
  run(m: Model, w: World): void {
    const company = this.company === undefined ? undefined : m.companies[this.company % Math.max(1, m.companies.length)];
    const contact = w.crm.addContact({ name: 'C', emails: [this.address], responsibleId: w.boris.id, ...(company && { companyId: company.id }) });
    m.contacts.push({ id: contact.id, seq: m.seq, address: this.address, ...(company && { companyId: company.id }) });
  }
  toString = () => `contact with ${this.address}${this.company === undefined ? '' : ` at company #${this.company}`}`;
}

class AddDeal implements Command {
  readonly client: number;
  readonly ofCompany: boolean;
  readonly open: boolean;
  constructor(client: number, ofCompany: boolean, open: boolean) {
    this.client = client;
    this.ofCompany = ofCompany;
    this.open = open;
  }
  check = (m: Readonly<Model>) => (this.ofCompany ? m.companies.length : m.contacts.length) > 0;
  run(m: Model, w: World): void {
    const list = this.ofCompany ? m.companies : m.contacts;
    const client = list[this.client % list.length]!;
    const link = this.ofCompany ? { companyId: client.id } : { contactId: client.id };
    const deal = w.crm.addDeal({
      title: 'D',
      responsibleId: w.anna.id,
      stage: this.open ? 'Invoice' : 'Deal lost',
      ...(this.ofCompany ? { companyId: client.id } : { contactIds: [client.id] }),
    });
    m.deals.push({ id: deal.id, seq: m.seq, open: this.open, ...link });
  }
  toString = () => `${this.open ? 'open' : 'lost'} deal of ${this.ofCompany ? 'company' : 'contact'} #${this.client}`;
}

class AddLead implements Command {
  readonly address: string;
  readonly open: boolean;
  constructor(address: string, open: boolean) {
    this.address = address;
    this.open = open;
  }
  check = () => true;
  run(m: Model, w: World): void {
    const lead = w.crm.addLead({ title: 'L', emails: [this.address], responsibleId: w.anna.id, status: this.open ? 'Processed' : 'Junk lead' });
    m.leads.push({ id: lead.id, seq: m.seq, open: this.open, address: this.address });
  }
  toString = () => `${this.open ? 'open' : 'junk'} lead with ${this.address}`;
}

class CloseOrReopenDeal implements Command {
  readonly index: number;
  readonly open: boolean;
  constructor(index: number, open: boolean) {
    this.index = index;
    this.open = open;
  }
  check = (m: Readonly<Model>) => m.deals.length > 0;
  run(m: Model, w: World): void {
    const deal = m.deals[this.index % m.deals.length]!;
    w.crm.setDealStage(deal.id, this.open ? 'New' : 'Deal won');
    deal.open = this.open;
    deal.seq = m.seq;
  }
  toString = () => `deal #${this.index} ${this.open ? 'back to "New"' : 'won'}`;
}

class Settings implements Command {
  readonly patch: Partial<Pick<Model, 'mode' | 'repeatSales' | 'legacy' | 'createForNewSender'>>;
  constructor(patch: Partial<Pick<Model, 'mode' | 'repeatSales' | 'legacy' | 'createForNewSender'>>) {
    this.patch = patch;
  }
  check = () => true;
  run(m: Model, w: World): void {
    const { mode, repeatSales, legacy, createForNewSender } = this.patch;
    w.crm.updateCrmSettings(w.admin.id, {
      ...(mode !== undefined && { 'CRM mode': mode }),
      ...(repeatSales !== undefined && { 'Enable repeat sales mode': repeatSales }),
      ...(legacy !== undefined && { 'Enable legacy lead creation mode': legacy }),
    });
    if (createForNewSender !== undefined) w.crm.updateMailboxSettings(w.anna.id, w.mailbox.id, { createForNewSender });
    Object.assign(m, this.patch);
  }
  toString = () => `settings ${JSON.stringify(this.patch)}`;
}

const address = fc.constantFrom(...ADDRESSES);
const commands = [
  address.map((a) => new Receive(a)),
  address.map((a) => new Receive(a)),
  address.map((a) => new AddCompany(a)),
  fc.tuple(address, fc.option(fc.nat(3), { nil: undefined })).map(([a, c]) => new AddContact(a, c)),
  fc.tuple(fc.nat(5), fc.boolean(), fc.boolean()).map(([i, c, o]) => new AddDeal(i, c, o)),
  fc.tuple(address, fc.boolean()).map(([a, o]) => new AddLead(a, o)),
  fc.tuple(fc.nat(5), fc.boolean()).map(([i, o]) => new CloseOrReopenDeal(i, o)),
  fc.constantFrom<CrmMode>('Classic CRM', 'Simple CRM').map((mode) => new Settings({ mode })),
  fc.boolean().map((repeatSales) => new Settings({ repeatSales })),
  fc.boolean().map((legacy) => new Settings({ legacy })),
  fc.constantFrom<NewSenderEntity>('lead', 'contact', 'off').map((createForNewSender) => new Settings({ createForNewSender })),
];

/** One minute passes before every command, so each change has its own moment. */
function timed(command: Command): Command {
  return {
    check: (m) => command.check(m),
    run: (m, w) => {
      w.clock.advanceMinutes(1);
      m.seq++;
      command.run(m, w);
    },
    toString: () => command.toString(),
  };
}

describe('incoming routing model (R2.1–R2.7, both CRM modes)', () => {
  it('R2.1–R2.7 every e-mail is bound, created for, or refused exactly as the rules say', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const setup = () => ({
          model: { seq: 0, mode: 'Classic CRM' as CrmMode, repeatSales: true, legacy: false, createForNewSender: 'lead' as NewSenderEntity, contacts: [], companies: [], deals: [], leads: [] },
          real: world(),
        });
        fc.modelRun(setup, [...cmds].map(timed));
      }),
      { numRuns: 300 },
    );
  });
});
