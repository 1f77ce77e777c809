import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { SendResult } from '../src/mail-sync/index.ts';
import type { CrmWorld } from './support/world.ts';

// The mail server itself, seen from outside: what it refuses, files and keeps, and the faults it can be told to have.

/** What the last send to several recipients was told, for the step that checks it. */
const sendResults = new WeakMap<CrmWorld, SendResult>();

/** Sets the virtual clock to that time of day (`10:30`, `09:05:30`) on the scenario's date. Time never runs backwards. */
Given('it is {word}', function (this: CrmWorld, time: string) {
  this.sim.clock.setTimeOfDay(time);
});

/** Sends over SMTP; a refusal is kept for the next step instead of failing this one. */
When('{string} tries to send an e-mail to {string} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.attemptAsync(() => this.sim.sendFromOutside({ from, to, subject }));
});

/** The last attempt was refused with that reply, e.g. `550 5.1.1`, naming the recipient. */
Then('the mail server refuses the recipient {string} with {string}', function (this: CrmWorld, recipient: string, reply: string) {
  const refusal = this.lastRefusal as { response?: string; rejected?: string[] } | undefined;
  assert.ok(refusal?.response, `The mail server accepted the e-mail (${String(this.lastRefusal)})`);
  assert.ok(refusal.response.startsWith(`${reply} `), `The server answered "${refusal.response}"`);
  assert.ok(refusal.response.includes(recipient), `The refusal does not name ${recipient}: "${refusal.response}"`);
});

/** No folder of any account on the server has it. */
Then('no mailbox holds the e-mail {string}', function (this: CrmWorld, subject: string) {
  assert.deepEqual(this.sim.mailServerCopies(subject), []);
});

/** The server kept it, once, for that recipient of another domain. */
Then('the outbox holds the e-mail {string} for {string}', function (this: CrmWorld, subject: string, recipient: string) {
  const kept = this.sim.outboxCopies(subject);
  assert.equal(kept.length, 1, `The outbox holds ${kept.length} e-mails "${subject}"${kept.length ? `, for ${kept.map((m) => m.recipients.join(', ')).join('; ')}` : ''}`);
  assert.deepEqual(kept[0]!.recipients, [recipient]);
});

/** Exactly one copy exists on the server, in that account and folder, with that INTERNALDATE (time of day). */
Then('the mailbox {string} holds the e-mail {string} in the folder {string}, received at {word}', function (this: CrmWorld, mailbox: string, subject: string, folder: string, time: string) {
  const copies = this.sim.mailServerCopies(subject);
  assert.deepEqual(copies.map((c) => `${c.account}/${c.folder}`), [`${mailbox}/${folder}`]);
  assert.equal(copies[0]!.internalDate.toISOString().slice(11, 16), time.padStart(5, '0'));
});

// Scripted faults of the mail server (also as a scenario tag: @fault:greylist:retry-after=5m).

/** Counted over the RCPT TOs the server would otherwise accept from now on, across connections; the reply names the recipient. */
Given('the mail server refuses the {ordinal} recipient with {int}', function (this: CrmWorld, nth: number, code: number) {
  this.sim.mail.faults.add({ kind: 'refuse-recipient', nth, code });
});

/** Greylisting (RFC 6647): the first attempt of a sender, client and recipient gets `451 4.7.1`; a retry that many minutes later (virtual clock) passes. */
Given('the mail server greylists new senders for {int} minute(s)', function (this: CrmWorld, minutes: number) {
  this.sim.mail.faults.add({ kind: 'greylist', retryAfterMs: minutes * 60_000 });
});

/** The next IMAP FETCH (from anyone) is cut after its first message: the connection closes before the rest and the tagged reply. */
Given('the mail server drops the IMAP connection in the middle of the next FETCH', function (this: CrmWorld) {
  this.sim.mail.faults.add({ kind: 'drop-mid-fetch', afterResponses: 1, nth: 1 });
});

/** A phone or webmail deletes (and expunges) the e-mail with that subject; open IMAP sessions hear of it. */
When('another mail client deletes the e-mail {string} from {string} of {string}', function (this: CrmWorld, subject: string, folder: string, address: string) {
  const matches = this.sim.mail.messages(address, folder).filter((m) => m.subject === subject);
  const listed = this.sim.mail.messages(address, folder).map((m) => `"${m.subject}" (UID ${m.uid})`).join(', ') || 'nothing';
  assert.equal(matches.length, 1, `${address} ${folder} holds ${matches.length} e-mails "${subject}"; it holds ${listed}`);
  this.sim.mail.asAnotherClient.expunge(address, folder, matches[0]!.uid);
});

/** The server rebuilds the folder's index: every message gets a new UID under a new UIDVALIDITY (RFC 3501 §2.3.1.1). */
When('the folder {string} of {string} gets a new UIDVALIDITY', function (this: CrmWorld, folder: string, address: string) {
  this.sim.mail.asAnotherClient.bumpUidValidity(address, folder);
});

/** The virtual clock moves on; nothing waits in real time. */
When('{int} minute(s) pass(es)', function (this: CrmWorld, minutes: number) {
  this.sim.clock.advance(minutes * 60_000);
});

/** One e-mail to two recipients; what the server accepted and refused is kept for the next step. */
When('{string} sends an e-mail to {string} and {string} with the subject {string}', async function (this: CrmWorld, from: string, first: string, second: string, subject: string) {
  sendResults.set(this, await this.sim.sendFromOutside({ from, to: `${first}, ${second}`, subject }));
});

/** The sender's result lists the one recipient as accepted and the other as refused with that reply. */
Then('the mail server accepted the e-mail for {string} and refused {string} with {string}', function (this: CrmWorld, accepted: string, refused: string, reply: string) {
  const result = sendResults.get(this);
  assert.ok(result, 'No step sent an e-mail to two recipients');
  assert.deepEqual(result.accepted, [accepted]);
  assert.deepEqual(result.rejected, [refused]);
  const transcriptLines = this.sim.mail.transcripts().filter((t) => t.protocol === 'smtp').flatMap((t) => t.lines.map((l) => l.text));
  assert.ok(transcriptLines.some((line) => line.startsWith(`${reply} `) && line.includes(`<${refused}>`)), `The server never answered ${reply} for <${refused}>`);
});

/** A scripted mid-FETCH drop really happened on the server, and the CRM's connector opened a new connection. */
Then('the mail server cut the IMAP connection in the middle of a FETCH and the CRM reconnected', function (this: CrmWorld) {
  const cuts = this.sim.mail.transcripts().flatMap((t) => t.lines).filter((l) => l.direction === 'fault' && l.text.includes('before the tagged reply'));
  assert.equal(cuts.length, 1, `The server cut ${cuts.length} FETCHes`);
  const reconnects = this.sim.synchronisations.reduce((sum, sync) => sum + sync.reconnects, 0);
  assert.equal(reconnects, 1, `The connector reconnected ${reconnects} times`);
});

/** Scripted mid-FETCH drops that really happened on the server, and as many connections the CRM's connector reopened. */
Then('the mail server cut {int} FETCH(es) short and the CRM reconnected as often', function (this: CrmWorld, count: number) {
  const cuts = this.sim.mail.transcripts().flatMap((t) => t.lines).filter((l) => l.direction === 'fault' && l.text.includes('before the tagged reply'));
  assert.equal(cuts.length, count, `The server cut ${cuts.length} FETCHes`);
  const reconnects = this.sim.synchronisations.reduce((sum, sync) => sum + sync.reconnects, 0);
  assert.equal(reconnects, count, `The connector reconnected ${reconnects} times`);
});

/** How many messages the connector fetched in its last synchronisation (all folders). */
Then('the CRM\'s last synchronisation fetched {int} e-mail(s)', function (this: CrmWorld, count: number) {
  const last = this.sim.synchronisations.at(-1);
  assert.ok(last, 'The CRM has not synchronised');
  assert.equal(last.fetched, count);
});
