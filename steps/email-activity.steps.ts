import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { NOT_SAVED_EXPLANATIONS, type NotSavedReason } from '../src/crm/index.ts';
import type { CrmWorld } from './support/world.ts';

// E-mail in the CRM: the Webmail list, saving to the CRM, and the activities that result.

When('{string} clicks "Save to CRM" next to the e-mail {string}', function (this: CrmWorld, employee: string, subject: string) {
  this.sim.saveToCrm(employee, subject);
});

Then('the e-mail {string} is listed in the folder {string} of the mailbox {string}', function (this: CrmWorld, subject: string, folder: string, mailbox: string) {
  assert.equal(this.sim.mailboxMessage(mailbox, subject).folder, folder);
});

Then('the e-mail {string} is not saved to the CRM because {not-saved-reason}', function (this: CrmWorld, subject: string, reason: NotSavedReason) {
  assert.deepEqual(this.sim.activitiesFor(subject), [], `"${subject}" was saved to the CRM`);
  const outcome = this.sim.lastIntakeOutcome(subject);
  assert.ok(outcome && !outcome.saved, `"${subject}" never reached the CRM's intake`);
  assert.equal(outcome.reason, reason, `Not saved, but because: ${NOT_SAVED_EXPLANATIONS[outcome.reason]}`);
});

Then('the e-mail {string} is still not saved to the CRM', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.sim.activitiesFor(subject), [], `"${subject}" was saved to the CRM`);
});

Then('the e-mail {string} is saved to the CRM once', function (this: CrmWorld, subject: string) {
  assert.equal(this.sim.activitiesFor(subject).length, 1);
});

Then('the e-mail {string} is saved to the CRM and bound to the lead {string}', function (this: CrmWorld, subject: string, leadTitle: string) {
  const [activity, ...more] = this.sim.activitiesFor(subject);
  assert.ok(activity, `"${subject}" is not saved to the CRM`);
  assert.equal(more.length, 0, `"${subject}" is saved ${more.length + 1} times`);
  const lead = this.sim.leadByTitle(leadTitle);
  assert.deepEqual(activity.bindings[0], { type: 'lead', id: lead.id }, `"${subject}" is owned by ${JSON.stringify(activity.bindings[0])}`);
});

Then('the e-mail activity {string} is planned and its responsible is {string}', function (this: CrmWorld, subject: string, employee: string) {
  const [activity] = this.sim.activitiesFor(subject);
  assert.ok(activity, `"${subject}" is not saved to the CRM`);
  assert.equal(activity.completed, false, 'The activity is completed, not planned');
  assert.equal(this.sim.crm.employee(activity.responsibleId).name, employee);
});
