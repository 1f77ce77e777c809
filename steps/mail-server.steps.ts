import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { CrmWorld } from './support/world.ts';

// The mail server itself, seen from outside: what it refuses, files and keeps.

Given('it is {word}', function (this: CrmWorld, time: string) {
  this.sim.clock.setTimeOfDay(time);
});

When('{string} tries to send an e-mail to {string} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.attemptAsync(() => this.sim.sendFromOutside({ from, to, subject }));
});

Then('the mail server refuses the recipient {string} with {string}', function (this: CrmWorld, recipient: string, reply: string) {
  const refusal = this.lastRefusal as { response?: string; rejected?: string[] } | undefined;
  assert.ok(refusal?.response, `The mail server accepted the e-mail (${String(this.lastRefusal)})`);
  assert.ok(refusal.response.startsWith(`${reply} `), `The server answered "${refusal.response}"`);
  assert.ok(refusal.response.includes(recipient), `The refusal does not name ${recipient}: "${refusal.response}"`);
});

Then('no mailbox holds the e-mail {string}', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.sim.mailServerCopies(subject), []);
});

Then('the outbox holds the e-mail {string} for {string}', function (this: CrmWorld, subject: string, recipient: string) {
  const kept = this.sim.outboxCopies(subject);
  assert.equal(kept.length, 1, `The outbox holds ${kept.length} e-mails "${subject}"`);
  assert.deepEqual(kept[0]!.recipients, [recipient]);
});

Then('the mailbox {string} holds the e-mail {string} in the folder {string}, received at {word}', function (this: CrmWorld, mailbox: string, subject: string, folder: string, time: string) {
  const copies = this.sim.mailServerCopies(subject);
  assert.deepEqual(copies.map((c) => `${c.account}/${c.folder}`), [`${mailbox}/${folder}`]);
  assert.equal(copies[0]!.internalDate.toISOString().slice(11, 16), time.padStart(5, '0'));
});
