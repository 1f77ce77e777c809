import { describe, expect, it } from 'vitest';
import { inbound, world } from '../testing.ts';
import type { IntakeOutcome, SavedOutcome } from './outcome.ts';

function saved(outcome: IntakeOutcome): SavedOutcome {
  if (!outcome.saved) throw new Error(`Expected a saved e-mail, got "${outcome.reason}"`);
  return outcome;
}
const reason = (outcome: IntakeOutcome) => (outcome.saved ? 'saved' : outcome.reason);
const DAY = 24 * 60;

describe('R1.4 processing period, employees, exceptions', () => {
  it('R1.4 mail dated before the connection minus N days is not saved automatically; "Save to CRM" still saves it', () => {
    const { crm, anna, mailbox } = world();
    const old = crm.receiveMailboxMessage(mailbox.id, inbound({ date: new Date('2026-02-22T08:00:00Z') }));
    expect(reason(old)).toBe('outside-processing-period');
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ date: new Date('2026-02-23T09:00:00Z') })))).toBe('saved');
    expect(reason(crm.saveToCrm(anna.id, old.mailboxMessage.id))).toBe('saved');
  });

  it('R1.4 the period counts from the connection, not from now; 30 days and "all" reach further back', () => {
    const { crm, anna, mailbox, clock } = world();
    clock.advanceMinutes(60 * DAY);
    const tenDaysBeforeConnecting = inbound({ date: undefined, receivedAt: new Date('2026-02-20T09:00:00Z') });
    expect(reason(crm.receiveMailboxMessage(mailbox.id, tenDaysBeforeConnecting))).toBe('outside-processing-period');
    crm.updateMailboxSettings(anna.id, mailbox.id, { processPeriod: 30 });
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ date: new Date('2026-02-20T09:00:00Z') })))).toBe('saved');
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ date: new Date('2025-01-01T00:00:00Z') })))).toBe('outside-processing-period');
    crm.updateMailboxSettings(anna.id, mailbox.id, { processPeriod: 'all' });
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ date: new Date('2025-01-01T00:00:00Z') })))).toBe('saved');
  });

  it('R1.4 mail from an employee or from another connected mailbox is not saved, not even by hand', () => {
    const { crm, anna, mailbox } = world();
    crm.addEmployee({ name: 'Ewa', email: 'ewa@acme.test' });
    crm.connectMailbox({ address: 'support@acme.test', connectorId: anna.id });
    const fromEmployee = crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'EWA@acme.test' }] }));
    expect(reason(fromEmployee)).toBe('sender-is-employee');
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'support@acme.test' }] })))).toBe('sender-is-employee');
    expect(reason(crm.saveToCrm(anna.id, fromEmployee.mailboxMessage.id))).toBe('sender-is-employee');
    expect(crm.leads()).toHaveLength(0);
  });

  it('R1.4 a dismissed employee\'s address is an outside address again', () => {
    const { crm, mailbox } = world();
    const ewa = crm.addEmployee({ name: 'Ewa', email: 'ewa@acme.test' });
    crm.setEmployeeActive(ewa.id, false);
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'ewa@acme.test' }] })))).toBe('saved');
  });

  it('R1.4 an employee forwarding with a customer in Reply-To: the customer is the sender', () => {
    const { crm, mailbox } = world();
    crm.addEmployee({ name: 'Ewa', email: 'ewa@acme.test' });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'ewa@acme.test' }], replyTo: [{ address: 'jan@customer.test' }] })));
    expect(crm.lead(outcome.created[0]!.id).emails.map((e) => e.value)).toEqual(['jan@customer.test']);
  });

  it('R1.4 a sender on the exceptions list is not saved automatically, known or not; "Save to CRM" ignores the list', () => {
    const { crm, anna, admin, mailbox } = world();
    crm.addToExceptions(admin.id, ['Jan@Customer.test']);
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    crm.addDeal({ title: 'Open', contactIds: [contact.id], responsibleId: anna.id });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(reason(listed)).toBe('on-exceptions-list');
    expect(reason(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'other@customer.test' }] })))).toBe('saved');
    expect(reason(crm.saveToCrm(anna.id, listed.mailboxMessage.id))).toBe('saved');
  });
});

describe('R2.3–R2.5 a known client without an active deal', () => {
  function client() {
    const w = world();
    const contact = w.crm.addContact({ name: 'Jan Kowalski', emails: ['jan@customer.test'], responsibleId: w.boris.id });
    w.crm.addDeal({ title: 'Last year', contactIds: [contact.id], responsibleId: w.boris.id, stage: 'Deal won' });
    return { ...w, contact };
  }

  it('R2.3 creates a repeat lead for the client, even with lead creation for new addresses off', () => {
    const { crm, anna, mailbox, contact } = client();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'off' });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ subject: 'New order' })));
    const lead = crm.lead(outcome.created[0]!.id);
    expect(lead).toMatchObject({ title: 'New order', status: 'Unassigned', isReturnCustomer: true, contactId: contact.id, responsibleId: anna.id, source: 'E-Mail' });
    expect(outcome.activity.bindings).toEqual([
      { type: 'lead', id: lead.id },
      { type: 'contact', id: contact.id },
    ]);
  });

  it('R2.3 the client\'s next e-mail goes to the open repeat lead, not to a second one', () => {
    const { crm, mailbox } = client();
    saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    const second = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(second.created).toEqual([]);
    expect(second.activity.bindings[0]).toEqual({ type: 'lead', id: 1 });
    expect(crm.leads()).toHaveLength(1);
  });

  it('R2.3 a company client gets a repeat lead linked to the company', () => {
    const { crm, anna, mailbox } = world();
    const company = crm.addCompany({ title: 'Customer Ltd', emails: ['office@customer.test'], responsibleId: anna.id });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'office@customer.test' }] })));
    expect(crm.lead(outcome.created[0]!.id)).toMatchObject({ companyId: company.id, isReturnCustomer: true });
    expect(outcome.activity.bindings).toEqual([{ type: 'lead', id: 1 }, { type: 'company', id: company.id }]);
  });

  it('R2.1 with an active deal nothing is created, whatever repeat sales mode says', () => {
    const { crm, mailbox, contact, boris } = client();
    const deal = crm.addDeal({ title: 'Open', contactIds: [contact.id], responsibleId: boris.id });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).activity.bindings[0]).toEqual({ type: 'deal', id: deal.id });
    expect(crm.leads()).toHaveLength(0);
  });

  it('R2.4 repeat sales off, legacy lead creation on: bound to the client\'s most recent closed lead, nothing created', () => {
    const { crm, admin, mailbox, contact, boris, clock } = client();
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false, legacyLeadCreationMode: true });
    crm.addLead({ title: 'Older', emails: ['jan@customer.test'], status: 'Junk lead', responsibleId: boris.id });
    clock.advanceMinutes(5);
    const newer = crm.addLead({ title: 'Newer', contactId: contact.id, status: 'Junk lead', responsibleId: boris.id });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.created).toEqual([]);
    expect(outcome.activity.bindings).toEqual([{ type: 'lead', id: newer.id }, { type: 'contact', id: contact.id }]);
    expect(outcome.activity.responsibleId).toBe(boris.id);
  });

  it('R2.4 the closed lead can be the one the client\'s deal was converted from', () => {
    const { crm, admin, anna, mailbox } = world();
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false, legacyLeadCreationMode: true });
    const lead = crm.addLead({ title: 'First contact', name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const { deal } = crm.convertLead(lead.id);
    crm.setDealStage(deal.id, 'Deal won');
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.activity.bindings[0]).toEqual({ type: 'lead', id: lead.id });
  });

  it('R2.4 a sender known only from a closed lead goes back to it in legacy mode, and gets a new lead otherwise', () => {
    const { crm, admin, anna, mailbox } = world();
    const junk = crm.addLead({ title: 'Junk', emails: ['jan@customer.test'], status: 'Junk lead', responsibleId: anna.id });
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false, legacyLeadCreationMode: true });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).activity.bindings).toEqual([{ type: 'lead', id: junk.id }]);
    crm.updateCrmSettings(admin.id, { legacyLeadCreationMode: false });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).created).toEqual([{ type: 'lead', id: junk.id + 1 }]);
  });

  it('R2.4 legacy mode does nothing while repeat sales mode is on', () => {
    const { crm, admin, mailbox, contact, boris } = client();
    crm.updateCrmSettings(admin.id, { legacyLeadCreationMode: true });
    crm.addLead({ title: 'Closed', contactId: contact.id, status: 'Junk lead', responsibleId: boris.id });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).created).toHaveLength(1);
  });

  it('R2.5 both off, or legacy on without a closed lead: the client alone', () => {
    const { crm, admin, mailbox, contact } = client();
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false, legacyLeadCreationMode: true });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.activity.bindings).toEqual([{ type: 'contact', id: contact.id }]);
    expect(outcome.created).toEqual([]);
  });
});

describe('R2.6 Simple CRM mode', () => {
  function simple() {
    const w = world();
    w.crm.updateCrmSettings(w.admin.id, { crmMode: 'Simple CRM' });
    return w;
  }

  it('R2.6 a new sender gets a deal with a new contact instead of a lead', () => {
    const { crm, anna, mailbox } = simple();
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(crm.leads()).toHaveLength(0);
    const [deal, contact] = outcome.created;
    expect(crm.deal(deal!.id)).toMatchObject({ title: 'Price list, please', stage: 'New', contactIds: [contact!.id], isReturnCustomer: false, responsibleId: anna.id });
    expect(crm.contact(contact!.id)).toMatchObject({ name: 'Jan Kowalski', emails: [{ value: 'jan@customer.test', type: 'WORK' }] });
    expect(outcome.activity.bindings).toEqual([deal, contact]);
  });

  it('R2.6 "Contact" for new senders also becomes a deal with a contact; "off" still saves nothing', () => {
    const { crm, anna, mailbox } = simple();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'contact' });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).created.map((r) => r.type)).toEqual(['deal', 'contact']);
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'off' });
    const off = crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'new@x.test' }] }));
    expect(reason(off)).toBe('new-sender-creation-off');
    expect(saved(crm.saveToCrm(anna.id, off.mailboxMessage.id)).created.map((r) => r.type)).toEqual(['deal', 'contact']);
  });

  it('R2.6 a known client without an active deal gets a repeat deal, even with repeat sales mode off', () => {
    const { crm, admin, anna, mailbox } = simple();
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false });
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(crm.deal(outcome.created[0]!.id)).toMatchObject({ contactIds: [contact.id], isReturnCustomer: true });
    expect(outcome.activity.bindings).toEqual([outcome.created[0], { type: 'contact', id: contact.id }]);
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).created).toEqual([]);
  });
});

describe('mail in the Sent folder is outgoing', () => {
  const sent = (overrides = {}) =>
    inbound({ folder: 'Sent', from: [{ address: 'sales@acme.test' }], to: [{ name: 'Jan', address: 'jan@customer.test' }], seen: true, ...overrides });

  it('outgoing mail is matched by its recipient and saved completed, bound to the client\'s deal', () => {
    const { crm, boris, mailbox, clock } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: boris.id });
    const deal = crm.addDeal({ title: 'Open', contactIds: [contact.id], responsibleId: boris.id });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, sent({ seen: false })));
    expect(outcome.activity).toMatchObject({ direction: 'outgoing', completed: true, completedAt: clock.now(), responsibleId: boris.id });
    expect(outcome.activity.bindings).toEqual([{ type: 'deal', id: deal.id }, { type: 'contact', id: contact.id }]);
  });

  it('outgoing mail to a new address creates a contact by default, a lead or nothing as the mailbox says', () => {
    const { crm, anna, mailbox } = world();
    expect(saved(crm.receiveMailboxMessage(mailbox.id, sent())).created).toEqual([{ type: 'contact', id: 1 }]);
    expect(crm.contact(1)).toMatchObject({ name: 'Jan', emails: [{ value: 'jan@customer.test', type: 'WORK' }] });
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewRecipient: 'lead' });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, sent({ to: [{ address: 'ola@x.test' }] }))).created).toEqual([{ type: 'lead', id: 1 }]);
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewRecipient: 'off' });
    expect(reason(crm.receiveMailboxMessage(mailbox.id, sent({ to: [{ address: 'new@x.test' }] })))).toBe('new-recipient-creation-off');
  });

  it('outgoing mail to a known client without an active deal makes no repeat lead', () => {
    const { crm, anna, mailbox } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, sent())).activity.bindings).toEqual([{ type: 'contact', id: contact.id }]);
    expect(crm.leads()).toHaveLength(0);
  });

  it('R1.4 mail sent only to employees is not saved; without recipients neither', () => {
    const { crm, mailbox } = world();
    crm.addEmployee({ name: 'Ewa', email: 'ewa@acme.test' });
    expect(reason(crm.receiveMailboxMessage(mailbox.id, sent({ to: [{ address: 'ewa@acme.test' }] })))).toBe('recipients-are-employees');
    expect(reason(crm.receiveMailboxMessage(mailbox.id, sent({ to: [], cc: [] })))).toBe('no-recipient');
    const mixed = saved(crm.receiveMailboxMessage(mailbox.id, sent({ to: [{ address: 'ewa@acme.test' }], cc: [{ address: 'jan@customer.test' }] })));
    expect(crm.contact(mixed.created[0]!.id).emails[0]?.value).toBe('jan@customer.test');
  });
});
