import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { isCrmError, toWireAddress } from '../src/crm/index.ts';
import { headerValues } from '../mock-servers/smtp/header-block.ts';
import type { FormRecipient } from '../src/simulation/index.ts';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// CRM items to send from, sending from a CRM form, and what becomes of the activities (R8).

/** A contact with a WORK e-mail; the employee is its responsible. "Available to everyone" is on. */
Given('the contact {string} with the e-mail {string}, managed by {employee}', function (this: CrmWorld, name: string, email: string, responsible: string) {
  this.sim.addContact({ name, responsible, emails: [email] });
});

/** A contact with no e-mail. */
Given('the contact {string} without an e-mail, managed by {employee}', function (this: CrmWorld, name: string, responsible: string) {
  this.sim.addContact({ name, responsible });
});

/** A company with a WORK e-mail. */
Given('the company {string} with the e-mail {string}, managed by {employee}', function (this: CrmWorld, title: string, email: string, responsible: string) {
  this.sim.addCompany({ title, responsible, emails: [email] });
});

/** A deal (stage "New") whose client is that contact or company (by name). */
Given('the deal {string} with the client {string}, managed by {employee}', function (this: CrmWorld, title: string, client: string, responsible: string) {
  this.sim.addDealWithClient(title, responsible, client);
});

/** A deal with nobody in its "Client" field. */
Given('the deal {string} without a client, managed by {employee}', function (this: CrmWorld, title: string, responsible: string) {
  this.sim.addDeal({ title, responsible });
});

/** A deal made from the lead: the lead's e-mails are bound to the deal too, as conversion leaves them. */
Given('the deal {string} created from the lead {string}, managed by {employee}', function (this: CrmWorld, title: string, lead: string, responsible: string) {
  this.sim.addDealFromLead(title, lead, responsible);
});

/** Links a contact or company (by name) to the deal; needs edit rights on the deal. */
When('{employee} chooses {string} in the "Client" field of the deal {string}', function (this: CrmWorld, employee: string, client: string, deal: string) {
  this.sim.chooseDealClient(employee, deal, client);
});

/** The form offers no CRM address ("the button is inactive"), and the reason given contains those words (R8.1). */
Then('sending e-mail from the {item} is unavailable because {string}', function (this: CrmWorld, item: ItemWords, reason: string) {
  const availability = this.sim.crm.sendingAvailability(this.sim.item(item.type, item.label));
  assert.ok(!availability.available, `The form offers ${availability.available ? availability.options.map((o) => o.address).join(', ') : ''}`);
  assert.ok(availability.reason.includes(reason), `The reason given is: ${availability.reason}`);
});

/** The CRM addresses the form offers, comma-separated. */
Then('the e-mail form of the {item} offers {string}', function (this: CrmWorld, item: ItemWords, addresses: string) {
  const availability = this.sim.crm.sendingAvailability(this.sim.item(item.type, item.label));
  assert.ok(availability.available, availability.available ? '' : availability.reason);
  assert.deepEqual(availability.options.map((o) => o.address), addresses.split(/,\s*/));
});

/** The CRM records the e-mail, then the mailbox's connector sends it over SMTP as the mailbox and files a copy in its Sent folder with IMAP APPEND. Fails the step if refused. */
When('{employee} sends an e-mail from the {item} to {recipient} with the subject {string}', async function (this: CrmWorld, employee: string, item: ItemWords, to: FormRecipient, subject: string) {
  await this.sim.sendFromForm(employee, this.sim.item(item.type, item.label), [to], subject);
});

/** The same, keeping a refusal: `CRM.SEND_NO_RECIPIENT`, `CRM.SEND_NOT_ALLOWED`, `CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED`, `CRM.SEND_INVALID_ADDRESS`, `CRM.SEND_TOO_MANY_RECIPIENTS`, `CRM.SEND_NO_MAILBOX`, `CRM.MAILBOX_ACCESS_DENIED`. */
When('{employee} tries to send an e-mail from the {item} to {recipient} with the subject {string}', async function (this: CrmWorld, employee: string, item: ItemWords, to: FormRecipient, subject: string) {
  const ref = this.sim.item(item.type, item.label);
  await this.attemptAsync(() => this.sim.sendFromForm(employee, ref, [to], subject));
});

/** "Reply" in the form: to the e-mail's sender (as the CRM item it is bound to), with In-Reply-To and References (R8.6). */
When('{employee} replies from the {item} to the e-mail {string} with the subject {string}', async function (this: CrmWorld, employee: string, item: ItemWords, answered: string, subject: string) {
  await this.sim.sendFromForm(employee, this.sim.item(item.type, item.label), [], subject, { replyToSubject: answered });
});

/** A planned follow-up activity in the same forms; the e-mail's activity is completed (R8.6). */
When('{employee} creates a new activity {string} from the e-mail {string}', function (this: CrmWorld, employee: string, followUp: string, subject: string) {
  this.sim.createActivityFromEmail(employee, subject, followUp);
});

/** The outside recipient got it (the mail server's outbox), once, from that address. */
Then('{string} receives the e-mail {string} from {string}', function (this: CrmWorld, recipient: string, subject: string, sender: string) {
  // Mail systems take an address in any case as the same mailbox, so "OLA@Other.TEST" reaches ola@other.test.
  const received = this.sim.outboxCopies(subject).filter((m) => m.recipients.some((r) => r.toLowerCase() === recipient.toLowerCase()));
  const sent = this.sim.outboxCopies(subject).map((m) => `from ${headerValues(m.raw, 'From')[0] ?? '?'} to ${m.recipients.join(', ')}`);
  assert.equal(received.length, 1, `${recipient} received ${received.length} e-mails "${subject}"; the outbox holds: ${sent.join('; ') || 'none with that subject'}`);
  const from = headerValues(received[0]!.raw, 'From')[0] ?? '';
  assert.ok(from.includes(`<${sender}>`) || from === sender, `The e-mail came from ${from}`);
});

/** Its In-Reply-To is the answered e-mail's Message-ID, and References names it. */
Then('the e-mail {string} that {string} receives answers the e-mail {string}', function (this: CrmWorld, subject: string, recipient: string, answered: string) {
  const [received, ...more] = this.sim.outboxCopies(subject).filter((m) => m.recipients.includes(recipient));
  assert.ok(received && more.length === 0, `${recipient} did not receive exactly one e-mail "${subject}"`);
  const original = this.sim.activityFor(answered).messageId;
  assert.ok(original, `"${answered}" has no Message-ID`);
  assert.equal(headerValues(received.raw, 'In-Reply-To')[0], original);
  assert.ok((headerValues(received.raw, 'References')[0] ?? '').split(/\s+/).includes(original), 'References does not name the answered e-mail');
});

/** Nothing with that subject left the CRM. */
Then('nobody receives the e-mail {string}', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.sim.outboxCopies(subject).map((m) => m.recipients), []);
  assert.deepEqual(this.sim.sentFromForms.filter((s) => s.sent.message.subject === subject), []);
});

/** R8.5. */
Then('the e-mail {string} is an outgoing activity, completed, whose responsible is {employee}', function (this: CrmWorld, subject: string, employee: string) {
  this.checkEmail(subject, () => [], () => {
    const activity = this.sim.activityFor(subject);
    assert.deepEqual(
      { direction: activity.direction, completed: activity.completed, responsible: this.sim.crm.employee(activity.responsibleId).name },
      { direction: 'outgoing', completed: true, responsible: employee },
    );
  });
});

/** A follow-up created from an e-mail, not completed, bound to the item. */
Then('a planned activity {string} is in the form of the {item}', function (this: CrmWorld, followUp: string, item: ItemWords) {
  const ref = this.sim.item(item.type, item.label);
  const planned = this.sim.crm.followUps().filter((f) => f.subject === followUp && !f.completed && f.bindings.some((b) => b.type === ref.type && b.id === ref.id));
  assert.equal(planned.length, 1, `Planned activities: ${this.sim.crm.followUps().map((f) => f.subject).join(', ') || 'none'}`);
});

/** Contacts whose e-mail reaches that address (compared as delivered: case and white space around "@" and dots do not matter), so duplicates show. */
Then('the CRM has {int} contact(s) reached at {string}', function (this: CrmWorld, count: number, address: string) {
  const wire = toWireAddress(address)?.toLowerCase();
  const reached = this.sim.crm.contacts().filter((c) => c.emails.some((e) => toWireAddress(e.value)?.toLowerCase() === wire));
  assert.equal(reached.length, count, `Contacts reached at ${address}: ${reached.map((c) => `${c.name} <${c.emails.map((e) => e.value).join(', ')}>`).join('; ') || 'none'}`);
});

/** Exactly one contact of that name reached at that address. */
Then('a contact {string} reached at {string} is in the CRM', function (this: CrmWorld, name: string, address: string) {
  const wire = toWireAddress(address)?.toLowerCase();
  const found = this.sim.crm.contacts().filter((c) => c.name === name && c.emails.some((e) => toWireAddress(e.value)?.toLowerCase() === wire));
  assert.equal(found.length, 1, `Contacts: ${this.sim.crm.contacts().map((c) => `${c.name} <${c.emails.map((e) => e.value).join(', ')}>`).join('; ')}`);
});

/** Nobody in its "Client" field. */
Then('the deal {string} has no client', function (this: CrmWorld, deal: string) {
  const found = this.sim.crm.deal(this.sim.item('deal', deal).id);
  assert.deepEqual({ contacts: found.contactIds, company: found.companyId }, { contacts: [], company: undefined });
});

/** The last refusal's message contains those words. */
Then('the refusal says {string}', function (this: CrmWorld, words: string) {
  assert.ok(isCrmError(this.lastRefusal), `The step failed with something other than a CRM refusal: ${String(this.lastRefusal)}`);
  assert.ok(this.lastRefusal.message.includes(words), `The refusal says: ${this.lastRefusal.message}`);
});
