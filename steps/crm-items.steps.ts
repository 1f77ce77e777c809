import assert from 'node:assert/strict';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { isCrmError, parseDealStage, parseLeadStatus, type EmailInput, type ItemType } from '../src/crm/index.ts';
import { parseParty } from './support/addresses.ts';
import { ExpectationFailure, NothingFoundFailure } from '../src/simulation/scenario-errors.ts';
import type { CrmSettingWords } from './support/crm-setting-words.ts';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// CRM items (leads, deals, contacts, companies), CRM settings, exceptions, automation, refusals.

/** "jan@x.test, jan@home.test (HOME)": e-mail values of a table cell, WORK unless a type is given. */
function emailCell(cell: string | undefined): EmailInput[] {
  return (cell ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const typed = /^(.*?)\s*\((WORK|HOME|MAILING|OTHER)\)$/i.exec(part);
      return typed ? { value: typed[1]!, type: typed[2]! } : part;
    });
}

const cell = (row: Record<string, string>, column: string): string | undefined => (row[column]?.trim() ? row[column]!.trim() : undefined);

/** The titles (contacts: names) of every item of a type, in the order they were made. */
function labelsOf(world: CrmWorld, type: ItemType): string[] {
  const crm = world.sim.crm;
  if (type === 'contact') return crm.contacts().map((c) => c.name);
  return (type === 'lead' ? crm.leads() : type === 'deal' ? crm.deals() : crm.companies()).map((i) => i.title);
}

const listed = (labels: readonly string[]) => labels.map((l) => `"${l}"`).join(', ') || 'none';

/** "1 lead", "2 companies", "no deals": a count in the CRM's words. */
const counted = (count: number, type: ItemType) => `${count === 0 ? 'no' : count} ${count === 1 ? type : type === 'company' ? 'companies' : `${type}s`}`;

/**
 * A count check that failed, as one sentence: what was expected and what the CRM holds. With none
 * at all the failure is a NothingFoundFailure, so the reports add why the CRM saved nothing.
 */
function countFailure(expected: number, type: ItemType, labels: readonly string[]): ExpectationFailure {
  const holds = labels.length === 0 ? 'none' : `${counted(labels.length, type)}: ${listed(labels)}`;
  const message = `Expected ${counted(expected, type)}; the CRM has ${holds}`;
  return labels.length === 0 ? new NothingFoundFailure(message) : new ExpectationFailure(message);
}

/** Columns `title`, `e-mail`, `responsible`. An `e-mail` cell holds one value or several (`a@x.test, b@x.test (HOME)`, WORK unless a type is given), or nothing for an item without an e-mail; so do the other tables'. */
Given('the CRM has these companies:', function (this: CrmWorld, table: DataTable) {
  for (const row of table.hashes()) {
    this.sim.addCompany({ title: row['title'] ?? '', emails: emailCell(row['e-mail']), responsible: row['responsible'] ?? '' });
  }
});

/** Columns `name`, `e-mail`, `responsible`, and optionally `company` (a company's title). */
Given('the CRM has these contacts:', function (this: CrmWorld, table: DataTable) {
  for (const row of table.hashes()) {
    const company = cell(row, 'company');
    this.sim.addContact({ name: row['name'] ?? '', emails: emailCell(row['e-mail']), responsible: row['responsible'] ?? '', ...(company && { company }) });
  }
});

/** Columns `title`, `e-mail`, `responsible`, and optionally `name`, `status` ("Unassigned", "In progress", "Processed", "Good lead", "Junk lead"). */
Given('the CRM has these leads:', function (this: CrmWorld, table: DataTable) {
  for (const row of table.hashes()) {
    const [name, status] = [cell(row, 'name'), cell(row, 'status')];
    this.sim.addLead({ title: row['title'] ?? '', emails: emailCell(row['e-mail']), responsible: row['responsible'] ?? '', ...(name && { name }), ...(status && { status }) });
  }
});

/** Columns `title`, `responsible`, and optionally `contact` (a name), `company` (a title), `stage` ("New", "Create papers", "Invoice", "In progress", "Final invoice", "Deal won", "Deal lost", "Analyze failure"). */
Given('the CRM has these deals:', function (this: CrmWorld, table: DataTable) {
  for (const row of table.hashes()) {
    const [contact, company, stage] = [cell(row, 'contact'), cell(row, 'company'), cell(row, 'stage')];
    this.sim.addDeal({ title: row['title'] ?? '', responsible: row['responsible'] ?? '', ...(contact && { contacts: [contact] }), ...(company && { company }), ...(stage && { stage }) });
  }
});

// One item at a time. A deal has no e-mail of its own: its client's (see "the deal … with the client …").

/** A lead with a WORK e-mail; its name is its title. */
Given('the lead {string} with the e-mail {string}, managed by {employee}', function (this: CrmWorld, title: string, email: string, responsible: string) {
  this.sim.addLead({ title, responsible, emails: [email] });
});

/** A lead with no e-mail (one made by hand from a phone call, say). */
Given('the lead {string} without an e-mail, managed by {employee}', function (this: CrmWorld, title: string, responsible: string) {
  this.sim.addLead({ title, responsible });
});

/** A company with no e-mail. */
Given('the company {string} without an e-mail, managed by {employee}', function (this: CrmWorld, title: string, responsible: string) {
  this.sim.addCompany({ title, responsible });
});

/** Setup: the item's responsible changes to that employee. */
Given('the {item} is managed by {employee}', function (this: CrmWorld, item: ItemWords, responsible: string) {
  this.sim.crm.setResponsible(this.sim.item(item.type, item.label), this.sim.employeeNamed(responsible).id);
});

/** Conversion ("was" as setup, "is" as an action); the deal and contact take the lead's title and name, the lead becomes "Good lead", its e-mails are bound to all three. */
When('the lead {string} is/was converted to a deal and a contact', function (this: CrmWorld, title: string) {
  this.sim.convertLead(title);
});

/** Setup: moves the deal to that stage. */
Given('the deal {string} is in the stage {string}', function (this: CrmWorld, title: string, stage: string) {
  this.sim.setDealStage(title, stage);
});

/** Setup: moves the lead to that status ("Good lead" only by conversion). */
Given('the lead {string} has the status {string}', function (this: CrmWorld, title: string, status: string) {
  this.sim.setLeadStatus(title, status);
});

// CRM settings (faq-rules §0; R6.2 decides who may change them)

/** Setup: switches a CRM setting. */
Given('the CRM setting {crm-setting} is {on-off}', function (this: CrmWorld, setting: CrmSettingWords, on: boolean) {
  this.sim.configureCrm({ [setting.name]: on });
});

/** Setup: `"Classic CRM"` or `"Simple CRM"`. */
Given('the CRM mode is {string}', function (this: CrmWorld, mode: string) {
  this.sim.configureCrm({ 'CRM mode': mode });
});

/** The employee changes it (`"on"`, `"off"`, or the mode's name); fails the step if refused. */
When('{employee} sets the CRM setting {crm-setting} to {string}', function (this: CrmWorld, employee: string, setting: CrmSettingWords, words: string) {
  this.sim.changeCrmSettings(employee, { [setting.name]: setting.read(words) });
});

/** The same; a refusal is kept for `the CRM refuses with {string}`. */
When('{employee} tries to set the CRM setting {crm-setting} to {string}', function (this: CrmWorld, employee: string, setting: CrmSettingWords, words: string) {
  this.attempt(() => this.sim.changeCrmSettings(employee, { [setting.name]: setting.read(words) }));
});

/** Setup: the address is on the exceptions list (R1.4). */
Given('the address {string} is on the CRM\'s exceptions list', function (this: CrmWorld, address: string) {
  const admin = this.sim.crm.employees().find((e) => e.isAdministrator);
  if (admin) this.sim.addToExceptions(admin.name, [address]);
  else this.sim.configureCrm({ Exceptions: [...this.sim.crm.crmSettings().exceptions, address] });
});

/** The employee adds it; fails the step if refused. */
When('{employee} adds {string} to the CRM\'s exceptions list', function (this: CrmWorld, employee: string, address: string) {
  this.sim.addToExceptions(employee, [address]);
});

/** The same; a refusal is kept. */
When('{employee} tries to add {string} to the CRM\'s exceptions list', function (this: CrmWorld, employee: string, address: string) {
  this.attempt(() => this.sim.addToExceptions(employee, [address]));
});

// Automation rules with the e-mail trigger (R2.9)

/** An automation rule with the e-mail trigger (R2.9). */
Given('{employee} adds the automation rule {string}: when an e-mail is saved to a lead in the status {string}, change the status to {string}', function (this: CrmWorld, employee: string, name: string, when: string, to: string) {
  this.sim.addAutomationRule(employee, { name, when: { itemType: 'lead', status: parseLeadStatus(when) }, action: { kind: 'change-status', status: parseLeadStatus(to) } });
});

/** The same for a deal stage. */
Given('{employee} adds the automation rule {string}: when an e-mail is saved to a deal in the stage {string}, change the stage to {string}', function (this: CrmWorld, employee: string, name: string, when: string, to: string) {
  this.sim.addAutomationRule(employee, { name, when: { itemType: 'deal', stage: parseDealStage(when) }, action: { kind: 'change-stage', stage: parseDealStage(to) } });
});

/** A rule that hands the deal to another employee; the new e-mail follows (R4.1). */
Given('{employee} adds the automation rule {string}: when an e-mail is saved to a deal in the stage {string}, change the responsible to {string}', function (this: CrmWorld, employee: string, name: string, when: string, to: string) {
  const employeeId = this.sim.crm.employeeByName(to).id;
  this.sim.addAutomationRule(employee, { name, when: { itemType: 'deal', stage: parseDealStage(when) }, action: { kind: 'change-responsible', employeeId } });
});

/** The same as the first; a refusal is kept. */
When('{employee} tries to add the automation rule {string}: when an e-mail is saved to a lead in the status {string}, change the status to {string}', function (this: CrmWorld, employee: string, name: string, when: string, to: string) {
  this.attempt(() => this.sim.addAutomationRule(employee, { name, when: { itemType: 'lead', status: parseLeadStatus(when) }, action: { kind: 'change-status', status: parseLeadStatus(to) } }));
});

// What the CRM holds

/** No item of that type exists: `the CRM has no deals`. */
Then('the CRM has no {item-types}', function (this: CrmWorld, type: ItemType) {
  const labels = labelsOf(this, type);
  if (labels.length !== 0) throw countFailure(0, type, labels);
});

/** Exactly that many items of that type exist: `the CRM has 2 leads`, `the CRM has 1 company`. */
Then('the CRM has {int} {item-types}', function (this: CrmWorld, count: number, type: ItemType) {
  const labels = labelsOf(this, type);
  if (labels.length !== count) throw countFailure(count, type, labels);
});

/** Exactly one item of that type with that title (contacts: name) exists. */
Then('the CRM has the {item}', function (this: CrmWorld, item: ItemWords) {
  this.sim.item(item.type, item.label);
});

/** No item of that type has that title (contacts: name). */
Then('the CRM has no {item}', function (this: CrmWorld, item: ItemWords) {
  const labels = labelsOf(this, item.type);
  assert.ok(!labels.includes(item.label), `The CRM has the ${item.type} "${item.label}"`);
});

/** A lead with that title exists, named after the party, with its address as a WORK e-mail. */
Then('a lead {string} is created for {string} with the status {string} and the source {string}', function (this: CrmWorld, title: string, party: string, status: string, source: string) {
  const lead = this.sim.leadByTitle(title);
  const { name, address } = parseParty(party);
  assert.deepEqual(
    { name: lead.name, emails: lead.emails.map((e) => `${e.value} ${e.type}`), status: lead.status, source: lead.source },
    { name: name ?? address, emails: [`${address} WORK`], status, source },
  );
});

/** A lead with that title is a repeat lead linked to that contact or company (R2.3). */
Then('a repeat lead {string} is created for the {item}', function (this: CrmWorld, title: string, client: ItemWords) {
  const ref = this.sim.item(client.type, client.label);
  this.checkItems(() => [ref, this.sim.item('lead', title)], () => {
    const lead = this.sim.leadByTitle(title);
    assert.equal(lead.isReturnCustomer, true, `"${title}" is not a repeat lead`);
    assert.equal(ref.type === 'contact' ? lead.contactId : lead.companyId, ref.id, `"${title}" is not linked to ${client.type} "${client.label}"`);
  });
});

/** Simple CRM: a deal with that title and stage whose client is a contact named after the party, with its address as a WORK e-mail (R2.6). */
Then('a deal {string} is created for the new contact {string} in the stage {string}', function (this: CrmWorld, title: string, party: string, stage: string) {
  const deal = this.sim.crm.deal(this.sim.item('deal', title).id);
  const { name, address } = parseParty(party);
  const contact = this.sim.crm.contact(this.sim.item('contact', name ?? address).id);
  assert.deepEqual(
    { stage: deal.stage, contacts: deal.contactIds, emails: contact.emails.map((e) => `${e.value} ${e.type}`), repeat: deal.isReturnCustomer },
    { stage, contacts: [contact.id], emails: [`${address} WORK`], repeat: false },
  );
});

/** A deal with that title is a repeat deal of that contact or company (R2.6). */
Then('a repeat deal {string} is created for the {item}', function (this: CrmWorld, title: string, client: ItemWords) {
  const deal = this.sim.crm.deal(this.sim.item('deal', title).id);
  const ref = this.sim.item(client.type, client.label);
  assert.equal(deal.isReturnCustomer, true, `"${title}" is not a repeat deal`);
  assert.ok(ref.type === 'contact' ? deal.contactIds.includes(ref.id) : deal.companyId === ref.id, `"${title}" is not the deal of ${client.type} "${client.label}"`);
});

/** The lead's status. */
Then('the lead {string} has the status {string} now', function (this: CrmWorld, title: string, status: string) {
  this.checkItems(() => [this.sim.item('lead', title)], () => assert.equal(this.sim.leadByTitle(title).status, status));
});

/** The deal's stage. */
Then('the deal {string} is in the stage {string} now', function (this: CrmWorld, title: string, stage: string) {
  this.checkItems(() => [this.sim.item('deal', title)], () => assert.equal(this.sim.crm.deal(this.sim.item('deal', title).id).stage, stage));
});

/** The item's responsible employee. */
Then('the responsible of the {item} is {employee}', function (this: CrmWorld, item: ItemWords, employee: string) {
  const ref = this.sim.item(item.type, item.label);
  this.checkItems(() => [ref], () => assert.equal(this.sim.crm.employee(this.sim.crm.item(ref).responsibleId).name, employee));
});

/** The switch's current value. */
Then('the CRM setting {crm-setting} is {on-off} now', function (this: CrmWorld, setting: CrmSettingWords, on: boolean) {
  assert.equal(this.sim.crm.crmSettings()[setting.key], on);
});

/** The last `tries to` step was refused with that error code, e.g. `CRM.UNKNOWN_FOLDER`. */
Then('the CRM refuses with {string}', function (this: CrmWorld, code: string) {
  assert.ok(this.lastRefusal !== undefined, 'The CRM did not refuse');
  assert.ok(isCrmError(this.lastRefusal), `The step failed with something other than a CRM refusal: ${String(this.lastRefusal)}`);
  assert.equal(this.lastRefusal.code, code, this.lastRefusal.message);
});
