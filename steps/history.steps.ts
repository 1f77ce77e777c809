import assert from 'node:assert/strict';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { isCrmError, type ItemType, type SearchField } from '../src/crm/index.ts';
import type { CrmWorld } from './support/world.ts';

// Correspondence in an item's form, who sees which e-mail (R6.3), and finding e-mails (R9).

Given('{string} has sent an e-mail to {string} with the subject {string} and the text {string}', async function (this: CrmWorld, from: string, to: string, subject: string, text: string) {
  await this.sim.sendFromOutside({ from, to, subject, text });
  await this.sim.synchronise(to);
});

/** | e-mail | direction | in reply to |: every e-mail the employee sees, in reading order. */
Then('{string} sees in the form of the {item-type} {string} the e-mails:', function (this: CrmWorld, employee: string, type: ItemType, label: string, table: DataTable) {
  const shown = this.sim.correspondenceShownTo(employee, this.sim.item(type, label)).map((row) => ({
    'e-mail': row.activity.subject,
    direction: row.activity.direction,
    'in reply to': row.parent?.subject ?? '',
  }));
  assert.deepEqual(shown, table.hashes());
});

Then('{string} sees the e-mail {string} in the form of the {item-type} {string}', function (this: CrmWorld, employee: string, subject: string, type: ItemType, label: string) {
  const shown = this.sim.emailsShownTo(employee, this.sim.item(type, label)).map((a) => a.subject);
  assert.ok(shown.includes(subject), `${employee} sees: ${shown.join(', ') || 'no e-mails'}`);
});

Then('{string} does not see the e-mail {string} in the form of the {item-type} {string}', function (this: CrmWorld, employee: string, subject: string, type: ItemType, label: string) {
  assert.ok(this.sim.activitiesFor(subject).length > 0, `"${subject}" is not in the CRM at all`);
  const shown = this.sim.emailsShownTo(employee, this.sim.item(type, label)).map((a) => a.subject);
  assert.ok(!shown.includes(subject), `${employee} sees "${subject}"`);
});

Then('{string} cannot open the form of the {item-type} {string}', function (this: CrmWorld, employee: string, type: ItemType, label: string) {
  assert.throws(
    () => this.sim.emailsShownTo(employee, this.sim.item(type, label)),
    (error: unknown) => isCrmError(error, 'CRM.ITEM_ACCESS_DENIED'),
  );
});

When('{string} searches the CRM for {string} {search-field}', function (this: CrmWorld, employee: string, words: string, field: SearchField) {
  this.lastSearch = this.sim.searchEmails(employee, words, field).map((a) => a.subject);
});

When('{string} searches the form of the {item-type} {string} for {string} {search-field}', function (this: CrmWorld, employee: string, type: ItemType, label: string, words: string, field: SearchField) {
  this.lastSearch = this.sim.searchEmails(employee, words, field, this.sim.item(type, label)).map((a) => a.subject);
});

/** One subject per row, newest first. */
Then('the search finds the e-mails:', function (this: CrmWorld, table: DataTable) {
  assert.deepEqual(this.lastSearch, table.raw().map(([subject]) => subject));
});

Then('the search finds only the e-mail {string}', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.lastSearch, [subject]);
});

Then('the search finds nothing', function (this: CrmWorld) {
  assert.deepEqual(this.lastSearch, []);
});
