import assert from 'node:assert/strict';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { CRM_ACTIONS, isAccessLevel, type AccessLevel, type CrmAction, type ItemType, type RolePermissions } from '../src/crm/index.ts';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// Employees' flags, CRM roles and access permissions (R6), and "Change deal" (R7).

/** Adds a Bitrix24 administrator: full CRM access, may change access permissions and CRM settings. */
Given('the administrator {string}', function (this: CrmWorld, name: string) {
  this.sim.addEmployee(name, { isAdministrator: true });
});

/** Adds an employee who may change access permissions and CRM settings (R6.2). */
Given('the employee {string} with "User can edit settings"', function (this: CrmWorld, name: string) {
  this.sim.addEmployee(name, { canEditSettings: true });
});

/** Adds an employee in that department (for "Personal and department"). */
Given('the employee {string} of the department {string}', function (this: CrmWorld, name: string, department: string) {
  this.sim.addEmployee(name, { department });
});

/** | item type | read | add | edit | delete |, one row per item type; rows left out are "Deny access". */
Given('the CRM role {string} with these permissions:', function (this: CrmWorld, role: string, table: DataTable) {
  const permissions: Record<string, Partial<Record<CrmAction, AccessLevel>>> = {};
  for (const row of table.hashes()) {
    const type = row['item type'];
    assert.ok(type === 'lead' || type === 'deal' || type === 'contact' || type === 'company', `Unknown item type "${type}"; write lead, deal, contact or company`);
    permissions[type] = {};
    for (const action of CRM_ACTIONS) {
      const level = row[action];
      if (level === undefined) continue;
      assert.ok(isAccessLevel(level), `Unknown access level "${level}" for ${action} ${type}`);
      permissions[type][action] = level;
    }
  }
  this.sim.defineRole(role, permissions as RolePermissions);
});

/** Setup: the employee gets the role. */
Given('{employee} has the CRM role {string}', function (this: CrmWorld, employee: string, role: string) {
  this.sim.giveRole(employee, role);
});

/** An employee changes one permission; fails the step if refused. */
When('{employee} sets the {crm-action} permission for {item-type} items of the CRM role {string} to {access-level}', function (this: CrmWorld, actor: string, action: CrmAction, type: ItemType, role: string, level: AccessLevel) {
  this.sim.setRolePermission(actor, role, type, action, level);
});

/** The same, keeping a refusal (`CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS`) for `the CRM refuses with {string}`. */
When('{employee} tries to set the {crm-action} permission for {item-type} items of the CRM role {string} to {access-level}', function (this: CrmWorld, actor: string, action: CrmAction, type: ItemType, role: string, level: AccessLevel) {
  this.attempt(() => this.sim.setRolePermission(actor, role, type, action, level));
});

/** An employee assigns a role to another. */
When('{employee} gives {employee} the CRM role {string}', function (this: CrmWorld, actor: string, employee: string, role: string) {
  this.sim.assignRole(actor, employee, role);
});

/** The same, keeping a refusal. */
When('{employee} tries to give {employee} the CRM role {string}', function (this: CrmWorld, actor: string, employee: string, role: string) {
  this.attempt(() => this.sim.assignRole(actor, employee, role));
});

/** The employee's roles, comma-separated, in the order given (`""` for none). */
Then('{employee} has the CRM roles {string}', function (this: CrmWorld, employee: string, roles: string) {
  const names = this.sim.crm.rolesOf(this.sim.crm.employeeByName(employee).id).map((r) => r.name);
  assert.deepEqual(names, roles === '' ? [] : roles.split(/,\s*/));
});

/** What the role allows now. */
Then('the {crm-action} permission for {item-type} items of the CRM role {string} is {access-level}', function (this: CrmWorld, action: CrmAction, type: ItemType, role: string, level: AccessLevel) {
  assert.equal(this.sim.crm.role(role).permissions[type]?.[action] ?? 'Deny access', level);
});

/** Timeline → e-mail → Open → More → Change deal. Fails the step if refused. */
When('{employee} moves the e-mail {string} to the deal {string} with "Change deal"', function (this: CrmWorld, employee: string, subject: string, deal: string) {
  this.sim.changeDeal(employee, subject, deal);
});

/** The same, keeping a refusal: `CRM.CHANGE_DEAL_NOT_ALLOWED` (no edit rights on both deals), `CRM.CHANGE_DEAL_CONVERTED_LEAD`, `CRM.CHANGE_DEAL_SAME_DEAL`, `CRM.CHANGE_DEAL_NOT_BOUND_TO_DEAL`. */
When('{employee} tries to move the e-mail {string} to the deal {string} with "Change deal"', function (this: CrmWorld, employee: string, subject: string, deal: string) {
  this.attempt(() => this.sim.changeDeal(employee, subject, deal));
});

/** The e-mail's menu has "Change deal". */
Then('"Change deal" is offered for the e-mail {string}', function (this: CrmWorld, subject: string) {
  const offer = this.sim.crm.changeDealOffer(this.sim.activityFor(subject).id);
  assert.ok(offer.offered, offer.offered ? '' : offer.reason);
});

/** R7.2. */
Then('"Change deal" is not offered for the e-mail {string}, because it is bound to both the lead and the deal', function (this: CrmWorld, subject: string) {
  const offer = this.sim.crm.changeDealOffer(this.sim.activityFor(subject).id);
  assert.ok(!offer.offered, '"Change deal" is offered');
  assert.equal(offer.code, 'CRM.CHANGE_DEAL_CONVERTED_LEAD', offer.reason);
});

/** The e-mail is bound to the item and in its timeline. */
Then('the e-mail {string} is in the form of the {item}', function (this: CrmWorld, subject: string, item: ItemWords) {
  const ref = this.sim.item(item.type, item.label);
  this.checkEmail(subject, () => [ref], () => {
    const activity = this.sim.activityFor(subject);
    const entries = this.sim.crm.timeline(ref).filter((e) => e.activityId === activity.id);
    assert.ok(entries.length > 0, `"${subject}" is not in the timeline of the ${item.type} "${item.label}"`);
    assert.ok(activity.bindings.some((b) => b.type === ref.type && b.id === ref.id), `"${subject}" is not bound to the ${item.type} "${item.label}"`);
  });
});

/** Neither bound to the item nor in its timeline. */
Then('the e-mail {string} is not in the form of the {item}', function (this: CrmWorld, subject: string, item: ItemWords) {
  const ref = this.sim.item(item.type, item.label);
  this.checkEmail(subject, () => [ref], () => {
    const activity = this.sim.activityFor(subject);
    assert.deepEqual(this.sim.crm.timeline(ref).filter((e) => e.activityId === activity.id), [], `"${subject}" is in the timeline of the ${item.type} "${item.label}"`);
    assert.ok(!activity.bindings.some((b) => b.type === ref.type && b.id === ref.id), `"${subject}" is still bound to the ${item.type} "${item.label}"`);
  });
});
