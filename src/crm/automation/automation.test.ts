import { describe, expect, it } from 'vitest';
import { inbound, world } from '../testing.ts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('automation rules with the e-mail trigger (R2.9)', () => {
  it('R2.9 "when an e-mail is saved to a lead in Unassigned: move it to In progress" runs on save', () => {
    const { crm, admin, mailbox } = world();
    const rule = crm.addAutomationRule(admin.id, { name: 'Take up', when: { itemType: 'lead', status: 'Unassigned' }, action: { kind: 'change-status', status: 'In progress' } });
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound());
    if (!outcome.saved) throw new Error('not saved');
    expect(crm.lead(1).status).toBe('In progress');
    expect(outcome.automation).toEqual([{ ruleId: rule.id, ruleName: 'Take up', item: { type: 'lead', id: 1 }, change: 'status "Unassigned" → "In progress"' }]);
  });

  it('R2.9 a deal rule fires only for deals in its stage; a rule does not set off the next stage\'s rules', () => {
    const { crm, admin, anna, mailbox } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const deal = crm.addDeal({ title: 'D', contactIds: [contact.id], responsibleId: anna.id, stage: 'Invoice' });
    crm.addAutomationRule(admin.id, { name: 'New → papers', when: { itemType: 'deal', stage: 'New' }, action: { kind: 'change-stage', stage: 'Create papers' } });
    crm.addAutomationRule(admin.id, { name: 'Invoice → final', when: { itemType: 'deal', stage: 'Invoice' }, action: { kind: 'change-stage', stage: 'Final invoice' } });
    crm.addAutomationRule(admin.id, { name: 'Final → won', when: { itemType: 'deal', stage: 'Final invoice' }, action: { kind: 'change-stage', stage: 'Deal won' } });
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(crm.deal(deal.id).stage).toBe('Final invoice');
    expect(outcome.saved && outcome.automation.map((r) => r.ruleName)).toEqual(['Invoice → final']);
  });

  it('R2.9, R4.1 a rule that hands the item to someone else takes the new e-mail with it', () => {
    const { crm, admin, boris, mailbox } = world();
    crm.addAutomationRule(admin.id, { name: 'To Boris', when: { itemType: 'lead', status: 'Unassigned' }, action: { kind: 'change-responsible', employeeId: boris.id } });
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(crm.lead(1).responsibleId).toBe(boris.id);
    expect(outcome.saved && outcome.activity.responsibleId).toBe(boris.id);
    expect(crm.emailActivities()[0]?.responsibleId).toBe(boris.id);
  });

  it('R2.9 a rule for incoming mail leaves mail found in Sent alone', () => {
    const { crm, admin, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewRecipient: 'lead' });
    crm.addAutomationRule(admin.id, { name: 'Incoming only', direction: 'incoming', when: { itemType: 'lead', status: 'Unassigned' }, action: { kind: 'change-status', status: 'Processed' } });
    crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Sent', from: [{ address: 'sales@acme.test' }], to: [{ address: 'x@y.test' }] }));
    expect(crm.lead(1).status).toBe('Unassigned');
  });

  it('R2.9 rules are checked as the editor checks them, and only an administrator or "User can edit settings" adds them', () => {
    const { crm, admin, anna } = world();
    const when = { itemType: 'lead' as const, status: 'Unassigned' as const };
    expect(() => crm.addAutomationRule(anna.id, { name: 'x', when, action: { kind: 'change-status', status: 'Processed' } })).toThrow(code('CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS'));
    expect(() => crm.addAutomationRule(admin.id, { name: 'x', when, action: { kind: 'change-stage', stage: 'New' } })).toThrow(code('CRM.INVALID_AUTOMATION_RULE'));
    expect(() => crm.addAutomationRule(admin.id, { name: 'x', when, action: { kind: 'change-status', status: 'Good lead' } })).toThrow(/by conversion/);
    expect(() => crm.addAutomationRule(admin.id, { name: 'x', when: { itemType: 'deal', stage: 'New' }, action: { kind: 'change-status', status: 'Processed' } })).toThrow(code('CRM.INVALID_AUTOMATION_RULE'));
    expect(() => crm.addAutomationRule(admin.id, { name: ' ', when, action: { kind: 'change-status', status: 'Processed' } })).toThrow(code('CRM.INVALID_AUTOMATION_RULE'));
    expect(() => crm.addAutomationRule(admin.id, { name: 'x', when, action: { kind: 'change-responsible', employeeId: 99 } })).toThrow(code('CRM.UNKNOWN_EMPLOYEE'));
    expect(() => crm.addAutomationRule(admin.id, { name: 'x', when: { itemType: 'lead', status: 'Hot' as never }, action: { kind: 'change-status', status: 'Processed' } })).toThrow(code('CRM.UNKNOWN_LEAD_STATUS'));
    expect(crm.automationRules()).toEqual([]);
  });

  it('R2.9 a removed rule no longer runs', () => {
    const { crm, admin, mailbox } = world();
    const rule = crm.addAutomationRule(admin.id, { name: 'x', when: { itemType: 'lead', status: 'Unassigned' }, action: { kind: 'change-status', status: 'Processed' } });
    crm.removeAutomationRule(admin.id, rule.id);
    expect(() => crm.removeAutomationRule(admin.id, rule.id)).toThrow(code('CRM.UNKNOWN_AUTOMATION_RULE'));
    crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(crm.lead(1).status).toBe('Unassigned');
  });
});
