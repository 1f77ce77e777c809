import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { NOT_SAVED_EXPLANATIONS, READING_PROBLEM_EXPLANATIONS, type NotSavedReason, type ReadingProblemCode } from '../src/crm/index.ts';
import type { CrmWorld } from './support/world.ts';

// Malformed mail from outside: exact bytes over SMTP or into the store, and what the mailbox's list says about them.

/**
 * A feature file's doc string as the bytes of a message: lines end in CRLF (RFC 5322 §2.1), the
 * text is UTF-8, and `\xNN` stands for the single byte NN, for the 8-bit header bytes of a sender
 * that ignores RFC 6532 (a doc string cannot hold bytes that are not UTF-8).
 */
export function messageBytes(docString: string): Buffer {
  const text = docString.replace(/\r?\n/g, '\r\n');
  const pieces = text.split(/\\x([0-9a-fA-F]{2})/);
  return Buffer.concat(pieces.map((piece, i) => (i % 2 === 1 ? Buffer.from([Number.parseInt(piece, 16)]) : Buffer.from(piece, 'utf8'))));
}

/**
 * An outside mail server hands over exactly these bytes over SMTP, with the quoted address as
 * the envelope sender (MAIL FROM), whatever the message's own From says, or if it has none.
 * The mail server accepts them as any MX does: it does not inspect headers or MIME.
 */
When('{string} sends this raw message over SMTP to {mailbox}:', async function (this: CrmWorld, envelopeFrom: string, to: string, docString: string) {
  await this.sim.sendRawFromOutside(envelopeFrom, to, messageBytes(docString));
});

/** One SMTP transaction to two mailboxes: both get the same bytes. */
When('{string} sends this raw message over SMTP to {mailbox} and {mailbox}:', async function (this: CrmWorld, envelopeFrom: string, to: string, alsoTo: string, docString: string) {
  await this.sim.sendRawFromOutside(envelopeFrom, [to, alsoTo], messageBytes(docString));
});

/** A message whose header block is padded with `X-Padding-N` fields to the size given, sent over SMTP. */
When('{string} sends an e-mail over SMTP to {mailbox} with the subject {string} and a header of {int} KiB', async function (this: CrmWorld, from: string, to: string, subject: string, kib: number) {
  const field = (n: number) => `X-Padding-${n}: ${'x'.repeat(64)}\r\n`;
  const count = Math.ceil((kib * 1024) / field(0).length);
  const padding = Array.from({ length: count }, (_, n) => field(n)).join('');
  await this.sim.sendRawFromOutside(from, to, Buffer.from(`From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\n${padding}\r\nHello\r\n`));
});

/**
 * Filed straight into the mail server's store with its embedded deliver(), not sent over SMTP:
 * every SMTP server prepends trace fields to what it accepts (RFC 5321 §4.4), so a message of
 * zero bytes can only be in a mailbox through a broken import or migration, never by SMTP.
 */
Given('the mailbox {mailbox} holds a message of zero bytes', function (this: CrmWorld, to: string) {
  this.sim.deliverRawToStore(to, Buffer.alloc(0));
});

/** The mailbox's list shows it outside the CRM, with that reason in the product's words. */
Then('the mailbox {mailbox} lists the e-mail {string} as not saved because {not-saved-reason}', function (this: CrmWorld, mailbox: string, subject: string, reason: NotSavedReason) {
  const status = this.sim.mailboxMessageStatus(mailbox, subject);
  assert.equal(status.inCrm, false, `"${subject}" is in the CRM`);
  assert.equal(status.notSavedReason, reason, `Not saved, but because: ${status.explanation ?? 'no reason recorded'}`);
  assert.equal(status.explanation, NOT_SAVED_EXPLANATIONS[reason]);
});

/** The list notes what could not be read: `it could not be read at all`, `its From cannot be read`, `its Date cannot be read`, `its Date is in the future`, `it has no Message-ID`, `its header has undeclared 8-bit characters`, `its parts cannot be told apart`, `an encoded part is damaged`, `it names an unknown character set`. */
Then('the mailbox {mailbox} lists the e-mail {string} noting that {reading-problem}', function (this: CrmWorld, mailbox: string, subject: string, code: ReadingProblemCode) {
  const status = this.sim.mailboxMessageStatus(mailbox, subject);
  const found = status.readingProblems.map((p) => p.code);
  assert.ok(found.includes(code), `The list notes: ${status.readingNotes.join(' | ') || 'nothing'}`);
  assert.ok(status.readingNotes.some((note) => note.startsWith(READING_PROBLEM_EXPLANATIONS[code])));
});

/** No reading notes. */
Then('the mailbox {mailbox} lists the e-mail {string} with nothing it could not read', function (this: CrmWorld, mailbox: string, subject: string) {
  assert.deepEqual(this.sim.mailboxMessageStatus(mailbox, subject).readingNotes, []);
});

/** The size the server reported (RFC822.SIZE). */
Then('the mailbox {mailbox} lists the e-mail {string} with a size of {int} bytes', function (this: CrmWorld, mailbox: string, subject: string, size: number) {
  assert.equal(this.sim.mailboxMessageStatus(mailbox, subject).size, size);
});

/** The same, as a lower bound. */
Then('the mailbox {mailbox} lists the e-mail {string} with a size over {int} KiB', function (this: CrmWorld, mailbox: string, subject: string, kib: number) {
  const { size } = this.sim.mailboxMessageStatus(mailbox, subject);
  assert.ok(size !== undefined && size > kib * 1024, `Listed with a size of ${size ?? 'unknown'} bytes`);
});

/** R5.1: the Date could not be used, so Webmail and the activity show when the server received the message. */
Then('the mailbox {mailbox} lists the e-mail {string} dated when the mail server received it', function (this: CrmWorld, mailbox: string, subject: string) {
  const message = this.sim.mailboxMessage(mailbox, subject);
  assert.equal(message.date, undefined, `Dated ${message.date?.toISOString()} from its Date field`);
  assert.deepEqual(this.sim.mailboxMessageStatus(mailbox, subject).shownDate, message.receivedAt);
});

/** The activity's text contains those words. */
Then('the e-mail {string} in the CRM has the text {string}', function (this: CrmWorld, subject: string, text: string) {
  const activity = this.sim.activityFor(subject);
  assert.ok((activity.text ?? '').includes(text), `The e-mail's text is: ${JSON.stringify(activity.text ?? '')}`);
});

/** The one listed e-mail from that address shows that sender name. */
Then('the e-mail from {string} is listed in the mailbox {mailbox} as {string}', function (this: CrmWorld, address: string, mailbox: string, fromName: string) {
  const listed = this.sim.crm.mailboxMessages(this.sim.crm.mailbox(mailbox).id).filter((m) => m.from.some((a) => a.address === address));
  assert.equal(listed.length, 1, `Found ${listed.length} e-mails from ${address}`);
  assert.deepEqual(listed[0]!.from.map((a) => a.name), [fromName]);
});
