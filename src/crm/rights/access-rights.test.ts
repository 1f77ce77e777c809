import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { manualClock } from '../testing.ts';
import { ACCESS_LEVELS, widerLevel } from './access-level.ts';
import { uniformPermissions } from './role.ts';

function company() {
  const crm = new Crm({ clock: manualClock().now });
  const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
  const settingsEditor = crm.addEmployee({ name: 'Ewa', canEditSettings: true });
  const anna = crm.addEmployee({ name: 'Anna', department: 'Sales' });
  const boris = crm.addEmployee({ name: 'Boris', department: 'Sales' });
  const clara = crm.addEmployee({ name: 'Clara', department: 'Support' });
  return { crm, admin, settingsEditor, anna, boris, clara };
}

const refused = (code: string) => expect.objectContaining({ code });

describe('access levels (R6.1)', () => {
  it('R6.1 the wider of two levels is the later one, whichever order they come in', () => {
    for (const a of ACCESS_LEVELS) for (const b of ACCESS_LEVELS) {
      const wider = ACCESS_LEVELS.indexOf(a) >= ACCESS_LEVELS.indexOf(b) ? a : b;
      expect(widerLevel(a, b)).toBe(wider);
      expect(widerLevel(b, a)).toBe(wider);
    }
  });

  it.each([
    ['Deny access', [false, false, false, false]],
    ['Personal', [true, false, false, false]],
    ['Personal and department', [true, true, false, false]],
    ['Personal, department and subdepartments', [true, true, false, false]],
    ['All open', [true, true, true, false]],
    ['All', [true, true, true, true]],
  ] as const)('R6.1 "%s" covers own / department / open / closed items of others: %j', (level, expected) => {
    const { crm, admin, anna, boris, clara } = company();
    crm.defineRole(admin.id, 'Seller', { deal: { read: level } });
    crm.assignRole(admin.id, anna.id, 'Seller');
    const own = crm.addDeal({ title: 'own', responsibleId: anna.id, availableToEveryone: false });
    const department = crm.addDeal({ title: 'department', responsibleId: boris.id, availableToEveryone: false });
    const open = crm.addDeal({ title: 'open', responsibleId: clara.id, availableToEveryone: true });
    const closed = crm.addDeal({ title: 'closed', responsibleId: clara.id, availableToEveryone: false });
    expect([own, department, open, closed].map((d) => crm.canAccess(anna.id, 'read', { type: 'deal', id: d.id }))).toEqual(expected);
  });

  // Reference §1.10 rule 55: D = the employee's own department, F = it and the departments below it.
  it.each([
    ['Personal', [true, false, false, false, false]],
    ['Personal and department', [true, true, false, false, false]],
    ['Personal, department and subdepartments', [true, true, true, false, false]],
    ['All open', [true, true, true, false, false]],
    ['All', [true, true, true, true, true]],
  ] as const)('R6.1 "%s" in a company structure covers own / same department / subdepartment / parent department / sister department: %j', (level, expected) => {
    const crm = new Crm({ clock: manualClock().now });
    const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
    crm.addDepartment('Sales');
    crm.addDepartment('Key accounts', 'Sales');
    crm.addDepartment('Support');
    const anna = crm.addEmployee({ name: 'Anna', department: 'Sales' });
    const colleague = crm.addEmployee({ name: 'Boris', department: 'Sales' });
    const below = crm.addEmployee({ name: 'Kasia', department: 'Key accounts' });
    const head = crm.addEmployee({ name: 'Olek' });
    const sister = crm.addEmployee({ name: 'Clara', department: 'Support' });
    expect(head.department).toBe('Company');
    crm.defineRole(admin.id, 'Seller', { deal: { read: level } });
    crm.assignRole(admin.id, anna.id, 'Seller');
    const deals = [anna, colleague, below, head, sister].map((e) => crm.addDeal({ title: e.name, responsibleId: e.id, availableToEveryone: false }));
    expect(deals.map((d) => crm.canAccess(anna.id, 'read', { type: 'deal', id: d.id }))).toEqual(expected);
  });

  it('R6.1 every employee belongs at least to the root department, so there "Personal and department" reaches everyone else there', () => {
    const crm = new Crm({ clock: manualClock().now });
    const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
    const anna = crm.addEmployee({ name: 'Anna' });
    const boris = crm.addEmployee({ name: 'Boris' });
    crm.defineRole(admin.id, 'Seller', { deal: { read: 'Personal and department' } });
    crm.assignRole(admin.id, anna.id, 'Seller');
    const deal = crm.addDeal({ title: 'Boris', responsibleId: boris.id, availableToEveryone: false });
    expect([anna.department, boris.department]).toEqual(['Company', 'Company']);
    expect(crm.canAccess(anna.id, 'read', { type: 'deal', id: deal.id })).toBe(true);
  });

  it('R6.1 a department goes under one that exists, once', () => {
    const crm = new Crm({ clock: manualClock().now });
    expect(() => crm.addDepartment('Key accounts', 'Sales')).toThrow(refused('CRM.UNKNOWN_DEPARTMENT'));
    crm.addDepartment('Sales');
    expect(() => crm.addDepartment('Sales')).toThrow(refused('CRM.DUPLICATE_DEPARTMENT'));
  });

  it('R6.1 levels are per item type and action: reading deals says nothing of editing them or of contacts', () => {
    const { crm, admin, anna } = company();
    crm.defineRole(admin.id, 'Reader', { deal: { read: 'All' } });
    crm.assignRole(admin.id, anna.id, 'Reader');
    const deal = crm.addDeal({ title: 'd', responsibleId: admin.id });
    const contact = crm.addContact({ name: 'c', responsibleId: admin.id });
    expect(crm.canAccess(anna.id, 'read', { type: 'deal', id: deal.id })).toBe(true);
    expect(crm.canAccess(anna.id, 'edit', { type: 'deal', id: deal.id })).toBe(false);
    expect(crm.canAccess(anna.id, 'read', { type: 'contact', id: contact.id })).toBe(false);
  });

  it('R6.1 with several roles the widest level wins; without a role there is no access; an administrator has all', () => {
    const { crm, admin, anna, boris } = company();
    crm.defineRole(admin.id, 'Own deals', { deal: { edit: 'Personal' } });
    crm.defineRole(admin.id, 'Open deals', { deal: { edit: 'All open' } });
    crm.assignRole(admin.id, anna.id, 'Own deals');
    crm.assignRole(admin.id, anna.id, 'Open deals');
    expect(crm.accessLevel(anna.id, 'deal', 'edit')).toBe('All open');
    expect(crm.accessLevel(boris.id, 'deal', 'edit')).toBe('Deny access');
    expect(crm.accessLevel(admin.id, 'company', 'delete')).toBe('All');
    crm.removeRole(admin.id, anna.id, 'Open deals');
    expect(crm.accessLevel(anna.id, 'deal', 'edit')).toBe('Personal');
  });

  it('R6.1 the portal starts with the roles Administrator (all) and Manager (own items)', () => {
    const { crm } = company();
    expect(crm.roles().map((r) => r.name)).toEqual(['Administrator', 'Manager']);
    expect(crm.role('Manager').permissions).toEqual(uniformPermissions('Personal'));
    expect(() => crm.role('Intern')).toThrow(refused('CRM.UNKNOWN_ROLE'));
  });

  it('R6.1 setting one permission leaves the role\'s others as they were', () => {
    const { crm, admin } = company();
    crm.setRolePermission(admin.id, 'Manager', 'contact', 'read', 'All');
    expect(crm.role('Manager').permissions.contact).toEqual({ read: 'All', add: 'Personal', edit: 'Personal', delete: 'Personal' });
    expect(crm.role('Manager').permissions.deal?.read).toBe('Personal');
  });
});

describe('who may change access rights (R6.2)', () => {
  it('R6.2 an administrator and an employee with "User can edit settings" may', () => {
    const { crm, admin, settingsEditor, anna } = company();
    crm.setRolePermission(admin.id, 'Manager', 'deal', 'edit', 'All');
    crm.assignRole(settingsEditor.id, anna.id, 'Manager');
    expect(crm.rolesOf(anna.id).map((r) => r.name)).toEqual(['Manager']);
    expect(crm.mayEditSettings(admin.id) && crm.mayEditSettings(settingsEditor.id)).toBe(true);
  });

  it('R6.2 anyone else is refused with a clear message, and nothing changes', () => {
    const { crm, admin, anna, boris } = company();
    crm.assignRole(admin.id, anna.id, 'Manager');
    expect(crm.mayEditSettings(anna.id)).toBe(false);
    expect(() => crm.setRolePermission(anna.id, 'Manager', 'deal', 'read', 'All')).toThrow(refused('CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS'));
    expect(() => crm.assignRole(anna.id, boris.id, 'Administrator')).toThrow(/only a Bitrix24 administrator or an employee with "User can edit settings"/);
    expect(() => crm.defineRole(anna.id, 'Mine', {})).toThrow(refused('CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS'));
    expect(crm.role('Manager').permissions.deal?.read).toBe('Personal');
    expect(crm.rolesOf(boris.id)).toEqual([]);
  });
});

describe('seeing an e-mail in a form (R6.3)', () => {
  function dealWithContactEmail() {
    const c = company();
    const { crm, admin, anna } = c;
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@client.test'], responsibleId: admin.id });
    const deal = crm.addDeal({ title: 'Offer', contactIds: [contact.id], responsibleId: anna.id });
    const mailbox = crm.connectMailbox({ address: 'sales@acme.test', connectorId: admin.id });
    const outcome = crm.receiveMailboxMessage(mailbox.id, {
      folder: 'INBOX', uidValidity: 1, uid: 1, subject: 'Question', receivedAt: new Date(), seen: false,
      from: [{ address: 'jan@client.test' }], replyTo: [], to: [{ address: 'sales@acme.test' }], cc: [],
    });
    if (!outcome.saved) throw new Error('not saved');
    crm.defineRole(admin.id, 'Deals only', { deal: { read: 'All' } });
    crm.assignRole(admin.id, anna.id, 'Deals only');
    return { ...c, contact, deal, activity: outcome.activity };
  }

  it('R6.3 hides an e-mail bound to a deal and a contact from an employee who cannot read contacts, in the deal\'s form too', () => {
    const { crm, anna, deal, activity } = dealWithContactEmail();
    expect(activity.bindings).toEqual([{ type: 'deal', id: deal.id }, { type: 'contact', id: 1 }]);
    expect(crm.timeline({ type: 'deal', id: deal.id })).toHaveLength(2);
    expect(crm.timelineFor(anna.id, { type: 'deal', id: deal.id })).toEqual([]);
    expect(crm.canSeeEmail(anna.id, activity.id)).toBe(false);
  });

  it('R6.3 shows it once the employee may read contacts too', () => {
    const { crm, admin, anna, deal, activity } = dealWithContactEmail();
    crm.setRolePermission(admin.id, 'Deals only', 'contact', 'read', 'All');
    expect(crm.timelineFor(anna.id, { type: 'deal', id: deal.id }).map((e) => e.activityId)).toEqual([activity.id, activity.id]);
    expect(crm.canSeeEmail(anna.id, activity.id)).toBe(true);
  });

  it('R6.3 the form of an item the employee cannot read does not open at all', () => {
    const { crm, boris, deal } = dealWithContactEmail();
    expect(() => crm.timelineFor(boris.id, { type: 'deal', id: deal.id })).toThrow(refused('CRM.ITEM_ACCESS_DENIED'));
  });
});
