import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import type { MailState } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// An employee's work in Mail, by the e-mail's exact subject (read, unread, flag, move, delete over IMAP), and what the mail server then holds.

/** "Mark as unread" in Mail: \Seen is cleared on the server. Needs mailbox access. */
When('{employee} marks the e-mail {string} as unread in the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, mailbox: string) {
  await this.sim.actInMail(employee, mailbox, subject, { kind: 'unread' });
});

/** The flag in Mail: \Flagged is set on the server. Needs mailbox access. */
When('{employee} flags the e-mail {string} in the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, mailbox: string) {
  await this.sim.actInMail(employee, mailbox, subject, { kind: 'flag' });
});

/** Deleted for good from INBOX (STORE \Deleted, then UID EXPUNGE). To put it in Trash, move it to the folder "Trash". Needs mailbox access. */
When('{employee} deletes the e-mail {string} in the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, mailbox: string) {
  await this.sim.actInMail(employee, mailbox, subject, { kind: 'delete' });
});

/** The same from another folder: emptying it from Trash, say. Needs mailbox access. */
When('{employee} deletes the e-mail {string} from the folder {folder} of the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, folder: string, mailbox: string) {
  await this.sim.actInMail(employee, mailbox, subject, { kind: 'delete' }, folder);
});

/** A move from any folder, a folder of one's own included (UID MOVE). Needs mailbox access. */
When('{employee} moves the e-mail {string} from the folder {folder} to the folder {folder} of the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, from: string, to: string, mailbox: string) {
  await this.sim.actInMail(employee, mailbox, subject, { kind: 'move', to }, from);
});

/** The user's phone or desktop client moves the e-mail; no CRM access is involved. */
When('another mail client moves the e-mail {string} from the folder {folder} to the folder {folder} of the mailbox {mailbox}', async function (this: CrmWorld, subject: string, from: string, to: string, mailbox: string) {
  await this.sim.actFromAnotherClient(mailbox, subject, { kind: 'move', to }, from);
});

/** The copies of an e-mail with exactly this subject in one folder, read from the server's own store. */
function copiesIn(world: CrmWorld, mailbox: string, folder: string, subject: string) {
  const all = world.sim.mail.messages(mailbox, folder);
  return { matches: all.filter((m) => m.subject === subject), listed: all.map((m) => `"${m.subject}" (UID ${m.uid})`).join(', ') || 'nothing' };
}

/** Exactly one e-mail with that subject is in that folder on the mail server. */
Then('the mailbox {mailbox} holds the e-mail {string} in the folder {folder}', function (this: CrmWorld, mailbox: string, subject: string, folder: string) {
  const { matches, listed } = copiesIn(this, mailbox, folder, subject);
  const elsewhere = this.sim.mailServerCopies(subject).map((c) => `${c.account}/${c.folder}`);
  assert.equal(matches.length, 1, `${mailbox}/${folder} holds ${matches.length} e-mails "${subject}"; it holds ${listed}. Copies on the server: ${elsewhere.join(', ') || 'none'}`);
});

/** No e-mail with that subject is in that folder on the mail server. */
Then('the mailbox {mailbox} holds no e-mail {string} in the folder {folder}', function (this: CrmWorld, mailbox: string, subject: string, folder: string) {
  const { matches, listed } = copiesIn(this, mailbox, folder, subject);
  assert.equal(matches.length, 0, `${mailbox}/${folder} holds "${subject}"; it holds ${listed}`);
});

/** How the one e-mail with that subject in that folder stands on the mail server: `read`, `unread`, `flagged`, `not flagged`. */
Then('the e-mail {string} in the folder {folder} of the mailbox {mailbox} is {mail-state}', function (this: CrmWorld, subject: string, folder: string, mailbox: string, state: MailState) {
  const { matches, listed } = copiesIn(this, mailbox, folder, subject);
  assert.equal(matches.length, 1, `Expected one e-mail "${subject}" in ${mailbox}/${folder}, found ${matches.length}; it holds ${listed}`);
  const flags = matches[0]!.flags;
  const holds = { read: flags.includes('\\Seen'), unread: !flags.includes('\\Seen'), flagged: flags.includes('\\Flagged'), 'not flagged': !flags.includes('\\Flagged') }[state];
  assert.ok(holds, `"${subject}" is not ${state}: its flags are ${flags.join(' ') || 'none'}`);
});
