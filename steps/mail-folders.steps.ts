import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { CrmWorld } from './support/world.ts';

// Folders of one's own: made, nested, renamed and deleted on the mail server over IMAP by the user's other mail client, and learnt by the CRM at its next synchronisation.

/** Whether the mailbox is connected to the CRM in this scenario. */
const isConnected = (world: CrmWorld, address: string) => world.sim.crm.mailboxes().some((m) => m.address.toLowerCase() === address.toLowerCase());

/**
 * Setup: the folder exists on the server (IMAP CREATE; "Clients/Acme" nests it under "Clients"),
 * and the CRM has synchronised since, so its folder settings offer it.
 */
Given('the mailbox {mailbox} has a folder {string} of its own', async function (this: CrmWorld, address: string, path: string) {
  await this.sim.changeFolderFromAnotherClient(address, { kind: 'create', path });
  if (isConnected(this, address)) await this.sim.synchronise(address);
});

/** IMAP CREATE from a phone or desktop client; the CRM learns of the folder at its next synchronisation. */
When('another mail client creates the folder {string} in the mailbox {mailbox}', async function (this: CrmWorld, path: string, address: string) {
  await this.sim.changeFolderFromAnotherClient(address, { kind: 'create', path });
});

/** IMAP RENAME (its subfolders follow, RFC 3501 §6.3.5); to the CRM the new name is a new folder. */
When('another mail client renames the folder {string} of the mailbox {mailbox} to {string}', async function (this: CrmWorld, path: string, address: string, to: string) {
  await this.sim.changeFolderFromAnotherClient(address, { kind: 'rename', path, to });
});

/** IMAP DELETE, with the mail in it. INBOX and the special-use folders (Sent, Spam, Trash, Drafts) cannot be deleted. */
When('another mail client deletes the folder {string} of the mailbox {mailbox}', async function (this: CrmWorld, path: string, address: string) {
  await this.sim.changeFolderFromAnotherClient(address, { kind: 'delete', path });
});

/** The same, keeping the mail server's refusal for `the mail server refused with {string}`. */
When('another mail client tries to delete the folder {string} of the mailbox {mailbox}', async function (this: CrmWorld, path: string, address: string) {
  await this.attemptAsync(() => this.sim.changeFolderFromAnotherClient(address, { kind: 'delete', path }));
});

/** The last attempt over IMAP was refused, and the server's words contain these. */
Then('the mail server refused with {string}', function (this: CrmWorld, words: string) {
  assert.ok(this.lastRefusal !== undefined, 'The mail server did not refuse');
  const message = this.lastRefusal instanceof Error ? this.lastRefusal.message : String(this.lastRefusal);
  assert.ok(message.includes(words), `The refusal says: ${message}`);
});

/** Folder names written comma-separated, in any order. */
const folderSet = (words: string) => words.split(',').map((w) => w.trim()).filter((w) => w !== '').sort();

/** Every folder of the account on the mail server, comma-separated, in any order. */
Then('the mail server has the folders {string} in the mailbox {mailbox}', function (this: CrmWorld, folders: string, address: string) {
  const account = this.sim.mail.store.account(address);
  assert.ok(account, `The mail server has no mailbox ${address}`);
  const names = account.folders.map((f) => f.name);
  assert.deepEqual([...names].sort(), folderSet(folders), `The mail server has: ${names.join(', ')}`);
});

/**
 * The folders the mailbox's folder settings offer ("Move spam to folder" and the other roles):
 * those the CRM's last synchronisation listed on the server, comma-separated, in any order. A level
 * that only holds other folders ("Clients" of "Clients/Acme") holds no mail and is not offered.
 */
Then('the folder settings of the mailbox {mailbox} offer {string}', function (this: CrmWorld, address: string, folders: string) {
  const offered = this.sim.crm.mailbox(address).folders.map((f) => f.path);
  assert.deepEqual([...offered].sort(), folderSet(folders), `The folder settings offer: ${offered.join(', ')}`);
});
