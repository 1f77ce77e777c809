import assert from 'node:assert/strict';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { isCrmError, type SearchField } from '../src/crm/index.ts';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// Correspondence in an item's form, who sees which e-mail (R6.3), and finding e-mails (R9).

/** Like `has sent an e-mail …`, with that body text (for searching by text). */
Given('{string} has sent an e-mail to {mailbox} with the subject {string} and the text {string}', async function (this: CrmWorld, from: string, to: string, subject: string, text: string) {
  await this.sim.sendFromOutside({ from, to, subject, text });
  await this.sim.synchronise(to);
});

/** | e-mail | direction | in reply to |: every e-mail the employee sees, in reading order. */
Then('{employee} sees in the form of the {item} the e-mails:', function (this: CrmWorld, employee: string, item: ItemWords, table: DataTable) {
  const ref = this.sim.item(item.type, item.label);
  const shown = this.sim.correspondenceShownTo(employee, ref).map((row) => ({
    'e-mail': row.activity.subject,
    direction: row.activity.direction,
    'in reply to': row.parent?.subject ?? '',
  }));
  this.checkItems(() => [ref], () => assert.deepEqual(shown, table.hashes()));
});

/** The item's timeline, as that employee sees it, shows the e-mail. */
Then('{employee} sees the e-mail {string} in the form of the {item}', function (this: CrmWorld, employee: string, subject: string, item: ItemWords) {
  const ref = this.sim.item(item.type, item.label);
  this.checkEmail(subject, () => [ref], () => {
    const shown = this.sim.emailsShownTo(employee, ref).map((a) => a.subject);
    assert.ok(shown.includes(subject), `${employee} sees: ${shown.join(', ') || 'no e-mails'}`);
  });
});

/** The e-mail is in the CRM, but hidden from that employee in that form: they cannot read every item it is bound to (R6.3). */
Then('{employee} does not see the e-mail {string} in the form of the {item}', function (this: CrmWorld, employee: string, subject: string, item: ItemWords) {
  assert.ok(this.sim.activitiesFor(subject).length > 0, `"${subject}" is not in the CRM at all`);
  const ref = this.sim.item(item.type, item.label);
  this.checkEmail(subject, () => [ref], () => {
    const shown = this.sim.emailsShownTo(employee, ref).map((a) => a.subject);
    assert.ok(!shown.includes(subject), `${employee} sees "${subject}"`);
  });
});

/** The employee may not read the item at all (`CRM.ITEM_ACCESS_DENIED`). */
Then('{employee} cannot open the form of the {item}', function (this: CrmWorld, employee: string, item: ItemWords) {
  assert.throws(
    () => this.sim.emailsShownTo(employee, this.sim.item(item.type, item.label)),
    (error: unknown) => isCrmError(error, 'CRM.ITEM_ACCESS_DENIED'),
    `${employee} can open the form of the ${item.type} "${item.label}"`,
  );
});

/** Searches every e-mail the employee may see. `{search-field}` is `in the subject`, `in the sender` (name or address), `in the text` or `anywhere`. Every word must match; case and Polish diacritics do not matter. */
When('{employee} searches the CRM for {string} {search-field}', function (this: CrmWorld, employee: string, words: string, field: SearchField) {
  this.lastSearch = this.sim.searchEmails(employee, words, field).map((a) => a.subject);
});

/** The same within one item's form. */
When('{employee} searches the form of the {item} for {string} {search-field}', function (this: CrmWorld, employee: string, item: ItemWords, words: string, field: SearchField) {
  this.lastSearch = this.sim.searchEmails(employee, words, field, this.sim.item(item.type, item.label)).map((a) => a.subject);
});

/** One subject per row, newest first. */
Then('the search finds the e-mails:', function (this: CrmWorld, table: DataTable) {
  assert.deepEqual(this.lastSearch, table.raw().map(([subject]) => subject));
});

/** The last search found exactly that e-mail. */
Then('the search finds only the e-mail {string}', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.lastSearch, [subject]);
});

/** The last search found no e-mail. */
Then('the search finds nothing', function (this: CrmWorld) {
  assert.deepEqual(this.lastSearch, []);
});
