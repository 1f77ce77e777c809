import assert from 'node:assert/strict';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { mailboxSettingFromWords, type MailboxSettingWords } from './support/mailbox-setting-words.ts';
import type { CrmWorld } from './support/world.ts';

// Mailboxes: connecting one, its settings, and mail arriving in it.

/** Adds an active employee with that name. */
Given('the employee {string}', function (this: CrmWorld, name: string) {
  this.sim.addEmployee(name);
});

/** Creates the account on the mail server and connects it to the CRM as that employee (the mailbox's connector and owner). The connector's first synchronisation lists the server's folders. */
Given('{employee} has connected the mailbox {mailbox} to the CRM', async function (this: CrmWorld, employee: string, address: string) {
  await this.sim.connectMailbox(address, employee);
});

/** Setup shortcut: the connector sets "Move spam to folder". */
Given('the mailbox {mailbox} moves spam to the folder {folder}', function (this: CrmWorld, address: string, folder: string) {
  this.sim.configureMailbox(address, { spamFolder: folder });
});

/** An employee changes a mailbox setting by its product name (names, values and defaults: "Rules of thumb"). A name that is not a setting fails the step with the list of settings; a refusal of the CRM fails it too. */
When('{employee} sets {mailbox-setting} of the mailbox {mailbox} to {string}', function (this: CrmWorld, employee: string, setting: MailboxSettingWords, address: string, value: string) {
  this.sim.changeMailboxSettings(employee, address, { [setting.key]: setting.read(value) });
});

/** The same, but a refusal is kept for `the CRM refuses with {string}`. */
When('{employee} tries to set {mailbox-setting} of the mailbox {mailbox} to {string}', function (this: CrmWorld, employee: string, setting: MailboxSettingWords, address: string, value: string) {
  const parsed = setting.read(value);
  this.attempt(() => this.sim.changeMailboxSettings(employee, address, { [setting.key]: parsed }));
});

/**
 * What the mailbox's settings say now, in the words the setting takes: a choice made, or the
 * default (Rules of thumb lists them). A folder role whose folder the server no longer lists is
 * back at its default.
 */
Then('the setting {mailbox-setting} of the mailbox {mailbox} is {string}', function (this: CrmWorld, setting: MailboxSettingWords, address: string, words: string) {
  const actual = (this.sim.crm.mailbox(address).settings as unknown as Record<string, unknown>)[setting.key];
  assert.deepEqual(actual, setting.read(words), `"${setting.name}" of ${address} is "${setting.show(actual)}"`);
});

/** An outside party sends the e-mail over SMTP. It sits on the server until the next synchronisation. */
When('{string} sends an e-mail to {string} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.sim.sendFromOutside({ from, to, subject });
});

/** The same, with `X-Spam-Flag: YES` as an upstream spam filter adds it: the server files it in the Spam folder. */
When('{string} sends an e-mail marked as spam to {mailbox} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.sim.sendFromOutside({ from, to, subject, markedAsSpam: true });
});

/** Sends the e-mail and lets the CRM synchronise the mailbox, so the e-mail is in the mailbox's list. */
Given('{string} has sent an e-mail to {mailbox} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.sim.sendFromOutside({ from, to, subject });
  await this.sim.synchronise(to);
});

/** The CRM's connector logs in over IMAP and fetches what is new in every folder it syncs; each new message goes through the CRM's rules. */
When('the CRM synchronises the mailbox {mailbox}', async function (this: CrmWorld, address: string) {
  await this.sim.synchronise(address);
});

// Employees in bulk, mail before a mailbox is connected, and replies from outside.

/** Yes/no cells of a data table: "yes", "no" or empty. */
function yes(cell: string | undefined): boolean {
  const value = (cell ?? '').trim().toLowerCase();
  if (value === 'yes') return true;
  if (value === '' || value === 'no') return false;
  throw new Error(`Write "yes" or "no" in the table, not "${cell}"`);
}

/** Adds several employees. Columns: `name`, and optionally `administrator`, `can edit settings` ("User can edit settings"), `dismissed` (`yes`/`no`), `e-mail`, `department`, `CRM roles` (comma-separated role names, given once everyone exists). */
Given('the employees:', function (this: CrmWorld, table: DataTable) {
  for (const row of table.hashes()) {
    const { name, ...rest } = row;
    if (!name) throw new Error('Every employee needs a name');
    this.sim.addEmployee(name, {
      isAdministrator: yes(rest['administrator']),
      canEditSettings: yes(rest['can edit settings']),
      active: !yes(rest['dismissed']),
      ...(rest['e-mail'] ? { email: rest['e-mail'] } : {}),
      ...(rest['department'] ? { department: rest['department'] } : {}),
    });
  }
  // Roles after everyone exists: giving one is itself a setting change (R6.2).
  for (const row of table.hashes()) {
    for (const role of (row['CRM roles'] ?? '').split(',').map((r) => r.trim()).filter(Boolean)) this.sim.giveRole(row['name']!, role);
  }
});

/** Adds an employee with their own address: mail from it is an employee's, never saved automatically (R1.4). */
Given('the employee {string} with the e-mail {string}', function (this: CrmWorld, name: string, email: string) {
  this.sim.addEmployee(name, { email });
});

/** The same, with mailbox settings chosen when connecting (a two-column table: setting, value), e.g. `Process e-mails for the last N days`. */
Given('{employee} has connected the mailbox {mailbox} to the CRM with these settings:', async function (this: CrmWorld, employee: string, address: string, table: DataTable) {
  const patch: Record<string, unknown> = {};
  for (const [setting, value] of table.raw()) {
    const { key, value: parsed } = mailboxSettingFromWords(setting ?? '', value ?? '');
    patch[key] = parsed;
  }
  await this.sim.connectMailbox(address, employee, patch);
});

/** Setup: the connector sets several mailbox settings (a two-column table: setting, value). */
Given('the mailbox {mailbox} has these settings:', function (this: CrmWorld, address: string, table: DataTable) {
  const patch: Record<string, unknown> = {};
  for (const [setting, value] of table.raw()) {
    const { key, value: parsed } = mailboxSettingFromWords(setting ?? '', value ?? '');
    patch[key] = parsed;
  }
  this.sim.configureMailbox(address, patch);
});

/** The account exists and receives mail; connecting it later finds that mail (R1.4). */
Given('the mailbox {mailbox} exists on the mail server but is not connected to the CRM yet', function (this: CrmWorld, address: string) {
  this.sim.prepareMailAccount(address);
});

/** The virtual clock moves on by whole days. */
Given('{int} day(s) pass(es)', function (this: CrmWorld, days: number) {
  this.sim.passDays(days);
});

/** The same with a Reply-To header: the CRM takes Reply-To as the sender. */
When('{string} sends an e-mail to {string} with the subject {string} and the Reply-To {string}', async function (this: CrmWorld, from: string, to: string, subject: string, replyTo: string) {
  await this.sim.sendFromOutside({ from, to, subject, replyTo });
});

/** The party answers the CRM e-mail with that subject from their mail client: subject `Re: …`, In-Reply-To and References naming it (R2.8). */
When('{string} replies to the e-mail {string}', async function (this: CrmWorld, from: string, subject: string) {
  await this.sim.replyFromOutside(from, subject);
});

/** The same with another subject. */
When('{string} replies to the e-mail {string} with the subject {string}', async function (this: CrmWorld, from: string, subject: string, replySubject: string) {
  await this.sim.replyFromOutside(from, subject, { replySubject });
});

/** Several outside parties send, in table order. Columns: `from`, `subject`. */
When('these customers send e-mails to {mailbox}:', async function (this: CrmWorld, to: string, table: DataTable) {
  for (const row of table.hashes()) await this.sim.sendFromOutside({ from: row['from'] ?? '', to, subject: row['subject'] ?? '' });
});

/** The employee opens it in Mail: an IMAP client sets `\Seen` on the server (R5.4). Needs mailbox access. */
When('{employee} reads the e-mail {string} in the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, mailbox: string) {
  await this.sim.readInMail(employee, mailbox, subject);
});

/** The connector shares the mailbox with the employee (R3.1). */
Given('{employee} has access to the mailbox {mailbox}', function (this: CrmWorld, employee: string, mailbox: string) {
  this.sim.grantMailboxAccess(mailbox, employee);
});

/** The mailbox's responsible queue: `"Anna Nowak, Boris Wójcik and Clara Zięba"` (R4.4). */
Given('new items from the mailbox {mailbox} go in turn to {string}', function (this: CrmWorld, mailbox: string, names: string) {
  this.sim.setResponsibleQueue(mailbox, names.split(/,| and /).map((n) => n.trim()).filter((n) => n !== ''));
});

/** The employee becomes inactive: still on record, but skipped by responsible queues (R4.4). */
Given('{employee} is dismissed', function (this: CrmWorld, employee: string) {
  this.sim.dismissEmployee(employee);
});

/** The employee moves it from INBOX in Mail, before the CRM's next synchronisation: an IMAP client's UID MOVE (R1.2: to Trash, Drafts or Spam). Needs mailbox access. */
When('{employee} moves the e-mail {string} to the folder {folder} of the mailbox {mailbox}', async function (this: CrmWorld, employee: string, subject: string, folder: string, mailbox: string) {
  await this.sim.moveInMail(employee, mailbox, subject, folder);
});

/** The network between the CRM and the IMAP server cuts the connection once, when the server sends that message of the next sync (R1.5). */
When('the network drops the CRM\'s connection to the mail server at e-mail number {int} of the next synchronisation', async function (this: CrmWorld, nth: number) {
  this.droppedConnections = await this.sim.dropConnectionDuringNextSync(nth);
});
