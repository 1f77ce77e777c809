import { describe, expect, it } from 'vitest';
import { world } from '../testing.ts';
import { dealSemantic, DEAL_STAGES } from './deal.ts';
import { leadSemantic, LEAD_STATUSES } from './lead.ts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('items (faq-rules §0)', () => {
  it('§0 lead statuses: Unassigned, In progress, Processed are in progress; Good lead converted; Junk lead failed', () => {
    expect(LEAD_STATUSES.map((s) => [s, leadSemantic(s)])).toEqual([
      ['Unassigned', 'in-progress'],
      ['In progress', 'in-progress'],
      ['Processed', 'in-progress'],
      ['Good lead', 'success'],
      ['Junk lead', 'failure'],
    ]);
  });

  it('§0 deal stages: New … Final invoice in progress, Deal won a success, Deal lost a failure', () => {
    const inProgress = DEAL_STAGES.filter((s) => dealSemantic(s) === 'in-progress');
    expect(inProgress).toEqual(['New', 'Create papers', 'Invoice', 'In progress', 'Final invoice']);
    expect(dealSemantic('Deal won')).toBe('success');
    expect(dealSemantic('Deal lost')).toBe('failure');
  });

  it('§0 a lead starts "Unassigned", available to everyone, not a repeat lead', () => {
    const { crm, anna } = world();
    const lead = crm.addLead({ title: 'Enquiry', responsibleId: anna.id });
    expect(lead).toMatchObject({ status: 'Unassigned', availableToEveryone: true, isReturnCustomer: false, emails: [] });
  });

  it('§0 statuses and stages are read by their product names in any letter case, else refused with the list', () => {
    const { crm, anna } = world();
    expect(crm.addLead({ title: 'L', responsibleId: anna.id, status: 'in PROGRESS' }).status).toBe('In progress');
    expect(crm.addDeal({ title: 'D', responsibleId: anna.id, stage: 'final invoice' }).stage).toBe('Final invoice');
    expect(() => crm.addLead({ title: 'L', responsibleId: anna.id, status: 'Hot' })).toThrow(code('CRM.UNKNOWN_LEAD_STATUS'));
    expect(() => crm.addDeal({ title: 'D', responsibleId: anna.id, stage: 'Won' })).toThrow(/Stages: New, Create papers/);
  });

  it('§0 e-mail values are multi-valued with types WORK, HOME, MAILING, OTHER; a bare address is WORK', () => {
    const { crm, anna } = world();
    const contact = crm.addContact({
      name: 'Jan',
      responsibleId: anna.id,
      emails: ['jan@work.test', { value: 'jan@home.test', type: 'home' }, { value: 'news@jan.test', type: 'MAILING' }, { value: 'j@x.test', type: 'OTHER' }],
    });
    expect(contact.emails).toEqual([
      { value: 'jan@work.test', type: 'WORK' },
      { value: 'jan@home.test', type: 'HOME' },
      { value: 'news@jan.test', type: 'MAILING' },
      { value: 'j@x.test', type: 'OTHER' },
    ]);
  });

  it('§0 e-mail values keep what was typed, spaces included (R8.3), but must be addresses of a known type', () => {
    const { crm, anna } = world();
    expect(crm.addCompany({ title: 'Acme', responsibleId: anna.id, emails: [' Office@Acme.test '] }).emails[0]?.value).toBe(' Office@Acme.test ');
    expect(() => crm.addContact({ name: 'X', responsibleId: anna.id, emails: ['not an address'] })).toThrow(code('CRM.INVALID_EMAIL_VALUE'));
    expect(() => crm.addContact({ name: 'X', responsibleId: anna.id, emails: [{ value: 'x@y.test', type: 'FAX' }] })).toThrow(
      /Types: WORK, HOME, MAILING, OTHER/,
    );
  });

  it('§0 adding e-mail values appends new addresses only', () => {
    const { crm, anna } = world();
    const contact = crm.addContact({ name: 'Jan', responsibleId: anna.id, emails: ['jan@work.test'] });
    const updated = crm.addEmails({ type: 'contact', id: contact.id }, [' JAN@work.test', { value: 'jan@home.test', type: 'HOME' }]);
    expect('emails' in updated && updated.emails.map((e) => e.value)).toEqual(['jan@work.test', 'jan@home.test']);
    expect(() => crm.addEmails({ type: 'deal', id: 1 }, ['a@b.test'])).toThrow(code('CRM.INVALID_EMAIL_VALUE'));
  });

  it('§0 names and titles are required; references must exist', () => {
    const { crm, anna } = world();
    expect(() => crm.addContact({ name: ' ', responsibleId: anna.id })).toThrow(code('CRM.MISSING_ITEM_FIELD'));
    expect(() => crm.addDeal({ title: '', responsibleId: anna.id })).toThrow(code('CRM.MISSING_ITEM_FIELD'));
    expect(() => crm.addDeal({ title: 'D', responsibleId: anna.id, contactIds: [9] })).toThrow(code('CRM.UNKNOWN_ITEM'));
    expect(() => crm.addLead({ title: 'L', responsibleId: 99 })).toThrow(code('CRM.UNKNOWN_EMPLOYEE'));
    expect(() => crm.addLead({ title: 'L', responsibleId: anna.id, contactId: 5 })).toThrow(code('CRM.UNKNOWN_ITEM'));
  });

  it('§0 a deal\'s client is contacts and/or a company, set in its "Client" field', () => {
    const { crm, anna } = world();
    const company = crm.addCompany({ title: 'Acme', responsibleId: anna.id });
    const a = crm.addContact({ name: 'A', responsibleId: anna.id });
    const b = crm.addContact({ name: 'B', responsibleId: anna.id });
    const deal = crm.addDeal({ title: 'D', responsibleId: anna.id });
    expect(deal.contactIds).toEqual([]);
    const withClient = crm.setDealClient(deal.id, { contactIds: [a.id, b.id, a.id], companyId: company.id });
    expect(withClient).toMatchObject({ contactIds: [a.id, b.id], companyId: company.id });
    expect(crm.setDealClient(deal.id, { contactIds: [b.id] })).toMatchObject({ contactIds: [b.id], companyId: undefined });
  });

  it('§0 responsible and "Available to everyone" can be changed; a change moves "last changed"', () => {
    const { crm, anna, boris, clock } = world();
    const lead = crm.addLead({ title: 'L', responsibleId: anna.id, availableToEveryone: false });
    clock.advanceMinutes(5);
    const moved = crm.setResponsible({ type: 'lead', id: lead.id }, boris.id);
    expect(moved).toMatchObject({ responsibleId: boris.id, availableToEveryone: false });
    expect(moved.updatedAt.getTime()).toBeGreaterThan(lead.updatedAt.getTime());
    expect(crm.setAvailableToEveryone({ type: 'lead', id: lead.id }, true).availableToEveryone).toBe(true);
    expect(() => crm.setResponsible({ type: 'lead', id: lead.id }, 99)).toThrow(code('CRM.UNKNOWN_EMPLOYEE'));
  });

  it('§0 "Good lead" is reached by conversion, not by setting the status', () => {
    const { crm, anna } = world();
    const lead = crm.addLead({ title: 'L', responsibleId: anna.id });
    expect(() => crm.setLeadStatus(lead.id, 'Good lead')).toThrow(code('CRM.CONVERT_LEAD_INSTEAD'));
    expect(crm.setLeadStatus(lead.id, 'Junk lead').status).toBe('Junk lead');
    expect(crm.setDealStage(crm.addDeal({ title: 'D', responsibleId: anna.id }).id, 'Deal won').stage).toBe('Deal won');
  });
});
