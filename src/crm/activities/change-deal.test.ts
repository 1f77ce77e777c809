import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { manualClock, STANDARD_FOLDERS } from '../testing.ts';

const refused = (code: string) => expect.objectContaining({ code });

/** Jan has two open deals; his e-mail lands on the newer one. Anna manages both; Boris only "Website". */
function twoDeals() {
  const clock = manualClock();
  const crm = new Crm({ clock: clock.now });
  const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
  const anna = crm.addEmployee({ name: 'Anna' });
  const boris = crm.addEmployee({ name: 'Boris' });
  const jan = crm.addContact({ name: 'Jan', emails: ['jan@client.test'], responsibleId: anna.id });
  const shop = crm.addDeal({ title: 'Shop', contactIds: [jan.id], responsibleId: anna.id });
  clock.advanceMinutes(1);
  const website = crm.addDeal({ title: 'Website', contactIds: [jan.id], responsibleId: boris.id });
  crm.assignRole(admin.id, anna.id, 'Manager');
  crm.assignRole(admin.id, boris.id, 'Manager');
  crm.setRolePermission(admin.id, 'Manager', 'deal', 'edit', 'All');
  const mailbox = crm.connectMailbox({ address: 'sales@acme.test', connectorId: anna.id });
  crm.registerMailboxFolders(mailbox.id, STANDARD_FOLDERS);
  const outcome = crm.receiveMailboxMessage(mailbox.id, {
    folder: 'INBOX', uidValidity: 1, uid: 1, subject: 'About the shop', receivedAt: clock.now(), seen: false,
    from: [{ address: 'jan@client.test' }], replyTo: [], to: [{ address: 'sales@acme.test' }], cc: [],
  });
  if (!outcome.saved) throw new Error('not saved');
  return { crm, clock, admin, anna, boris, jan, shop, website, mailbox, email: outcome.activity };
}

describe('"Change deal" (R7)', () => {
  it('R7.1 moves the e-mail from one deal to the other, keeping the client, and moves its timeline entries', () => {
    const { crm, anna, jan, shop, website, email } = twoDeals();
    expect(email.bindings).toEqual([{ type: 'deal', id: website.id }, { type: 'contact', id: jan.id }]);
    expect(crm.isChangeDealOffered(email.id)).toBe(true);
    const moved = crm.changeDeal(anna.id, email.id, shop.id);
    expect(moved.bindings).toEqual([{ type: 'deal', id: shop.id }, { type: 'contact', id: jan.id }]);
    expect(crm.activityById(email.id).bindings).toEqual(moved.bindings);
    expect(crm.timeline({ type: 'deal', id: website.id })).toEqual([]);
    expect(crm.timeline({ type: 'deal', id: shop.id }).map((e) => e.kind)).toEqual(['activity', 'system']);
    expect(crm.timeline({ type: 'contact', id: jan.id })).toHaveLength(2);
  });

  it('R7.1 needs edit rights on both deals: on the one it leaves and on the one it joins', () => {
    const { crm, admin, boris, shop, website, email } = twoDeals();
    crm.setRolePermission(admin.id, 'Manager', 'deal', 'edit', 'Personal');
    // Boris may edit "Website", where the e-mail is, but not "Shop".
    expect(() => crm.changeDeal(boris.id, email.id, shop.id)).toThrow(refused('CRM.CHANGE_DEAL_NOT_ALLOWED'));
    expect(() => crm.changeDeal(boris.id, email.id, shop.id)).toThrow(/may not edit the deal "Shop"/);
    expect(crm.activityById(email.id).bindings[0]).toEqual({ type: 'deal', id: website.id });
  });

  it('R7.1 an employee who may edit the target but not the source is refused too', () => {
    const { crm, admin, anna, shop, email } = twoDeals();
    crm.setRolePermission(admin.id, 'Manager', 'deal', 'edit', 'Personal');
    expect(() => crm.changeDeal(anna.id, email.id, shop.id)).toThrow(/may not edit the deal "Website"/);
  });

  it('R7.2 an e-mail bound to a lead and to the deal made from it does not offer "Change deal", and a move is refused with that reason', () => {
    const { crm, anna, admin, shop } = twoDeals();
    const lead = crm.addLead({ title: 'Website request', emails: ['new@client.test'], responsibleId: anna.id });
    const mailbox = crm.mailbox('sales@acme.test');
    const outcome = crm.receiveMailboxMessage(mailbox.id, {
      folder: 'INBOX', uidValidity: 1, uid: 2, subject: 'Request', receivedAt: new Date(), seen: false,
      from: [{ address: 'new@client.test' }], replyTo: [], to: [{ address: 'sales@acme.test' }], cc: [],
    });
    if (!outcome.saved) throw new Error('not saved');
    const converted = crm.addDeal({ title: 'From lead', leadId: lead.id, responsibleId: anna.id });
    const both = crm.addEmailBinding(outcome.activity.id, { type: 'deal', id: converted.id });
    expect(both.bindings).toEqual([{ type: 'deal', id: converted.id }, { type: 'lead', id: lead.id }]);
    expect(crm.isChangeDealOffered(both.id)).toBe(false);
    expect(crm.changeDealOffer(both.id)).toMatchObject({ offered: false, code: 'CRM.CHANGE_DEAL_CONVERTED_LEAD' });
    expect(() => crm.changeDeal(admin.id, both.id, shop.id)).toThrow(refused('CRM.CHANGE_DEAL_CONVERTED_LEAD'));
    expect(() => crm.changeDeal(admin.id, both.id, shop.id)).toThrow(/bound to both the deal and the lead/);
    expect(crm.timeline({ type: 'deal', id: converted.id }).map((e) => e.activityId)).toEqual([both.id, both.id]);
  });

  it('R7.1 an e-mail without a deal has nothing to change; moving to the same deal is refused', () => {
    const { crm, anna, website, email } = twoDeals();
    // Without repeat sales the e-mail of a client with no active deal is bound to the client only (R2.5).
    crm.updateCrmSettings(crm.employees().find((e) => e.isAdministrator)!.id, { repeatSalesMode: false });
    expect(() => crm.changeDeal(anna.id, email.id, website.id)).toThrow(refused('CRM.CHANGE_DEAL_SAME_DEAL'));
    const contactOnly = crm.addContact({ name: 'Ola', emails: ['ola@client.test'], responsibleId: anna.id });
    const outcome = crm.receiveMailboxMessage(crm.mailbox('sales@acme.test').id, {
      folder: 'INBOX', uidValidity: 1, uid: 3, subject: 'Hi', receivedAt: new Date(), seen: false,
      from: [{ address: 'ola@client.test' }], replyTo: [], to: [], cc: [],
    });
    if (!outcome.saved) throw new Error('not saved');
    expect(outcome.activity.bindings).toEqual([{ type: 'contact', id: contactOnly.id }]);
    expect(crm.changeDealOffer(outcome.activity.id)).toMatchObject({ offered: false, code: 'CRM.CHANGE_DEAL_NOT_BOUND_TO_DEAL' });
    expect(() => crm.changeDeal(anna.id, 99, website.id)).toThrow(refused('CRM.UNKNOWN_ACTIVITY'));
  });
});
