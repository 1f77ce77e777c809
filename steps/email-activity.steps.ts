import assert from 'node:assert/strict';
import { Then, When, type DataTable } from '@cucumber/cucumber';
import { activityShownTime, NOT_SAVED_EXPLANATIONS, type NotSavedReason } from '../src/crm/index.ts';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// E-mail in the CRM: the Webmail list, saving to the CRM, and the activities that result.

/** Manual save of the e-mail with that subject (R3). */
When('{employee} clicks "Save to CRM" next to the e-mail {string}', function (this: CrmWorld, employee: string, subject: string) {
  this.sim.saveToCrm(employee, subject);
});

/** The same; a refusal is kept for `the CRM refuses with {string}`. */
When('{employee} tries to click "Save to CRM" next to the e-mail {string}', function (this: CrmWorld, employee: string, subject: string) {
  this.attempt(() => this.sim.saveToCrm(employee, subject));
});

/** The network step cut that many connections, and the connector reopened as many. */
Then('the network dropped the connection {int} time(s) and the CRM reconnected', function (this: CrmWorld, times: number) {
  assert.ok(this.droppedConnections, 'No step broke the network in this scenario');
  assert.equal(this.droppedConnections(), times);
  const reconnects = this.sim.synchronisations.reduce((sum, sync) => sum + sync.reconnects, 0);
  assert.equal(reconnects, times, `The connector reconnected ${reconnects} times`);
});

/** The mailbox's message list (Mail) shows the e-mail in that folder. */
Then('the e-mail {string} is listed in the folder {folder} of the mailbox {mailbox}', function (this: CrmWorld, subject: string, folder: string, mailbox: string) {
  assert.equal(this.sim.mailboxMessage(mailbox, subject).folder, folder);
});

/** No activity exists for it, and the CRM gave that reason. Reasons: `it is in the spam folder`, `it is in the trash or drafts folder`, `CRM integration is off`, `lead creation for new addresses is off`, `it is already in the CRM`, `it is older than the processing period`, `the sender is an employee`, `the sender is on the exceptions list`, `it names no sender`, `its sender address cannot be read`, `the message cannot be read`. */
Then('the e-mail {string} is not saved to the CRM because {not-saved-reason}', function (this: CrmWorld, subject: string, reason: NotSavedReason) {
  assert.deepEqual(this.sim.activitiesFor(subject), [], `"${subject}" was saved to the CRM`);
  const outcome = this.sim.lastIntakeOutcome(subject);
  assert.ok(outcome && !outcome.saved, `"${subject}" never reached the CRM's intake`);
  assert.equal(outcome.reason, reason, `Not saved, but because: ${NOT_SAVED_EXPLANATIONS[outcome.reason]}`);
});

/** No activity exists for it. */
Then('the e-mail {string} is still not saved to the CRM', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.sim.activitiesFor(subject), [], `"${subject}" was saved to the CRM`);
});

/** Exactly one activity exists for it. */
Then('the e-mail {string} is saved to the CRM once', function (this: CrmWorld, subject: string) {
  assert.equal(this.sim.activitiesFor(subject).length, 1);
});

/** The owner of the e-mail's bindings (the first item, R4.1) is this item. */
Then('the e-mail {string} is( saved to the CRM and) bound to the {item}', function (this: CrmWorld, subject: string, item: ItemWords) {
  const expected = this.sim.item(item.type, item.label);
  this.checkEmail(subject, () => [expected], () => {
    const owner = this.sim.activityFor(subject).bindings[0]!;
    assert.deepEqual(owner, expected, `"${subject}" is owned by ${this.sim.describe(owner)}`);
  });
});

/** | deal | Shop |, one row per item, in the order the CRM keeps them (owner first). */
Then('the e-mail {string} is( saved to the CRM and) bound to:', function (this: CrmWorld, subject: string, table: DataTable) {
  const expected = table.raw().map(([type, label]) => {
    assert.ok(type === 'lead' || type === 'deal' || type === 'contact' || type === 'company', `Unknown item type "${type}"; write lead, deal, contact or company`);
    return this.sim.item(type, label ?? '');
  });
  this.checkEmail(subject, () => expected, () => {
    assert.deepEqual(this.sim.activityFor(subject).bindings.map((ref) => this.sim.describe(ref)), expected.map((ref) => this.sim.describe(ref)));
  });
});

/** The activity is not completed, and its responsible is that employee. */
Then('the e-mail activity {string} is planned and its responsible is {employee}', function (this: CrmWorld, subject: string, employee: string) {
  this.checkEmail(subject, () => [], () => {
    const activity = this.sim.activityFor(subject);
    assert.equal(activity.completed, false, 'The activity is completed, not planned');
    assert.equal(this.sim.crm.employee(activity.responsibleId).name, employee);
  });
});

/** The item is not among its bindings. */
Then('the e-mail {string} is not bound to the {item}', function (this: CrmWorld, subject: string, item: ItemWords) {
  const ref = this.sim.item(item.type, item.label);
  this.checkEmail(subject, () => [ref], () => {
    const bindings = this.sim.activityFor(subject).bindings;
    assert.ok(!bindings.some((b) => b.type === ref.type && b.id === ref.id), `"${subject}" is bound to ${item.type} "${item.label}"`);
  });
});

/** Its responsible is that employee (R4.1). */
Then('the responsible of the e-mail activity {string} is {employee}', function (this: CrmWorld, subject: string, employee: string) {
  this.checkEmail(subject, () => [], () => assert.equal(this.sim.crm.employee(this.sim.activityFor(subject).responsibleId).name, employee));
});

/** The item's timeline has exactly one system entry with that title (`New e-mail`) for the e-mail, by that employee (R4.2). */
Then('the timeline of the {item} shows {string} for the e-mail {string} with the avatar of {employee}', function (this: CrmWorld, item: ItemWords, title: string, subject: string, employee: string) {
  const ref = this.sim.item(item.type, item.label);
  this.checkItems(() => [ref], () => {
    const activity = this.sim.activityFor(subject);
    const entries = this.sim.crm.timeline(ref).filter((e) => e.kind === 'system' && e.activityId === activity.id);
    assert.deepEqual(
      entries.map((e) => (e.kind === 'system' ? `${e.title} by ${this.sim.crm.employee(e.authorId).name}` : '')),
      [`${title} by ${employee}`],
    );
  });
});

/** The item's timeline has an entry for the e-mail (the activity itself, R5.2), whoever looks. */
Then('the timeline of the {item} shows the e-mail {string}', function (this: CrmWorld, item: ItemWords, subject: string) {
  const ref = this.sim.item(item.type, item.label);
  this.checkItems(() => [ref], () => {
    const activity = this.sim.activityFor(subject);
    assert.ok(this.sim.crm.timeline(ref).some((e) => e.kind !== 'follow-up' && e.activityId === activity.id), `The timeline of the ${item.type} "${item.label}" does not show "${subject}"`);
  });
});

/**
 * No entry of the item's timeline is about an e-mail with that subject. The subject must be one
 * the scenario knows (in a mailbox's list or the CRM), so a misspelt subject cannot pass.
 */
Then('the timeline of the {item} does not show the e-mail {string}', function (this: CrmWorld, item: ItemWords, subject: string) {
  const ref = this.sim.item(item.type, item.label);
  const known = this.sim.crm.mailboxes().flatMap((m) => this.sim.crm.mailboxMessages(m.id)).map((m) => m.subject);
  const activities = this.sim.activitiesFor(subject);
  assert.ok(activities.length > 0 || known.includes(subject), `No e-mail "${subject}" is listed in a mailbox or saved to the CRM. Listed: ${[...new Set(known)].map((s) => `"${s}"`).join(', ') || 'none'}`);
  this.checkItems(() => [ref], () => {
    const ids = new Set(activities.map((a) => a.id));
    assert.ok(!this.sim.crm.timeline(ref).some((e) => e.kind !== 'follow-up' && ids.has(e.activityId)), `The timeline of the ${item.type} "${item.label}" shows "${subject}"`);
  });
});

/** "Complete" on the activity (R5.3). */
When('{employee} completes the e-mail activity {string}', function (this: CrmWorld, employee: string, subject: string) {
  this.sim.completeActivity(employee, subject);
});

/** The same; a refusal is kept for `the CRM refuses with {string}`. */
When('{employee} tries to complete the e-mail activity {string}', function (this: CrmWorld, employee: string, subject: string) {
  this.attempt(() => this.sim.completeActivity(employee, subject));
});

/** Completed. */
Then('the e-mail activity {string} is completed', function (this: CrmWorld, subject: string) {
  this.checkEmail(subject, () => [], () => assert.equal(this.sim.activityFor(subject).completed, true, 'The activity is planned, not completed'));
});

/** Planned: not completed, so it stays open on the timeline (R4.2, R8.6). */
Then('the e-mail activity {string} is( still) planned', function (this: CrmWorld, subject: string) {
  this.checkEmail(subject, () => [], () => assert.equal(this.sim.activityFor(subject).completed, false, 'The activity is completed, not planned'));
});

/** "09:05" from a moment, UTC, as the scenario's clock reads. */
const timeOfDay = (moment: Date, precise: boolean) => moment.toISOString().slice(11, precise ? 19 : 16);
const sameTime = (moment: Date, time: string) => timeOfDay(moment, time.length > 5) === time.padStart(time.length > 5 ? 8 : 5, '0');

/** "Received" in Mail: the server's INTERNALDATE (R5.1). */
Then('Mail shows the e-mail {string} as received at {time}', function (this: CrmWorld, subject: string, time: string) {
  const message = this.sim.findMailboxMessage(subject);
  assert.ok(sameTime(message.receivedAt, time), `Mail shows ${timeOfDay(message.receivedAt, true)}`);
});

/** The timeline entry's time: when the sync or a manual save put it in the CRM (R5.2). */
Then('the timeline of the {item} shows that the e-mail {string} entered the CRM at {time}', function (this: CrmWorld, item: ItemWords, subject: string, time: string) {
  const ref = this.sim.item(item.type, item.label);
  this.checkItems(() => [ref], () => {
    const activity = this.sim.activityFor(subject);
    const entry = this.sim.crm.timeline(ref).find((e) => e.kind === 'activity' && e.activityId === activity.id);
    assert.ok(entry, `The timeline of ${item.type} "${item.label}" does not show "${subject}"`);
    assert.ok(sameTime(entry.at, time), `The timeline shows ${timeOfDay(entry.at, true)}`);
  });
});

/** The activity's shown time: entered the CRM while planned, completed once completed (R5.3). */
Then('the e-mail activity {string} shows the time {time}', function (this: CrmWorld, subject: string, time: string) {
  this.checkEmail(subject, () => [], () => {
    const shown = activityShownTime(this.sim.activityFor(subject));
    assert.ok(sameTime(shown, time), `The activity shows ${timeOfDay(shown, true)}`);
  });
});

/** Its activity's parent is the other e-mail's activity (R2.8, R9.1). */
Then('the e-mail {string} is a reply in the thread of the e-mail {string}', function (this: CrmWorld, reply: string, parent: string) {
  this.checkEmail(reply, () => this.sim.activityFor(parent).bindings, () => assert.equal(this.sim.activityFor(reply).parentId, this.sim.activityFor(parent).id, `"${reply}" is not under "${parent}"`));
});
