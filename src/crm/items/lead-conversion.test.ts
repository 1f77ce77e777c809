import { describe, expect, it } from 'vitest';
import { inbound, world } from '../testing.ts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('lead conversion (faq-rules §0)', () => {
  it('§0 converting makes a deal and a contact; the deal remembers the lead, which becomes "Good lead"', () => {
    const { crm, boris } = world();
    const lead = crm.addLead({ title: 'Printers', name: 'Jan Kowalski', emails: ['jan@customer.test'], responsibleId: boris.id, source: 'E-Mail' });
    const { deal, contact, lead: converted, contactCreated } = crm.convertLead(lead.id);
    expect(converted.status).toBe('Good lead');
    expect(contactCreated).toBe(true);
    expect(contact).toMatchObject({ name: 'Jan Kowalski', emails: [{ value: 'jan@customer.test', type: 'WORK' }], responsibleId: boris.id, source: 'E-Mail' });
    expect(deal).toMatchObject({ title: 'Printers', stage: 'New', contactIds: [contact.id], leadId: lead.id, responsibleId: boris.id });
  });

  it('R7.2 the lead\'s e-mails become bound to the deal and the contact too, and show on their timelines', () => {
    const { crm, mailbox } = world();
    const saved = crm.receiveMailboxMessage(mailbox.id, inbound());
    if (!saved.saved) throw new Error('not saved');
    const { deal, contact } = crm.convertLead(1, { dealTitle: 'Printer deal' });
    expect(deal.title).toBe('Printer deal');
    expect(crm.emailActivities()[0]?.bindings).toEqual([
      { type: 'deal', id: deal.id },
      { type: 'lead', id: 1 },
      { type: 'contact', id: contact.id },
    ]);
    expect(crm.timeline({ type: 'deal', id: deal.id })).toEqual([expect.objectContaining({ kind: 'activity', activityId: saved.activity.id, at: saved.activity.createdAt })]);
  });

  it('§0 a repeat lead keeps its client: no second contact', () => {
    const { crm, anna } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const lead = crm.addLead({ title: 'Again', contactId: contact.id, isReturnCustomer: true, responsibleId: anna.id });
    const result = crm.convertLead(lead.id);
    expect(result.contactCreated).toBe(false);
    expect(result.deal).toMatchObject({ contactIds: [contact.id], isReturnCustomer: true });
    expect(crm.contacts()).toHaveLength(1);
  });

  it('§0 a closed lead cannot be converted', () => {
    const { crm, anna } = world();
    const lead = crm.addLead({ title: 'Lost', responsibleId: anna.id, status: 'Junk lead' });
    expect(() => crm.convertLead(lead.id)).toThrow(code('CRM.LEAD_NOT_IN_PROGRESS'));
    const converted = crm.convertLead(crm.addLead({ title: 'Won', responsibleId: anna.id }).id).lead;
    expect(() => crm.convertLead(converted.id)).toThrow(code('CRM.LEAD_NOT_IN_PROGRESS'));
    expect(crm.deals()).toHaveLength(1);
  });
});
