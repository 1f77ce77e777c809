import assert from 'node:assert/strict';
import { Given } from '@cucumber/cucumber';
import type { CrmWorld } from './support/world.ts';

// Folders a mailbox's owner made on the server, which the CRM's connector synchronises too (R1.3).

// Creates a folder on the mail server, as a mail client's CREATE would; the connector's next synchronisation lists and syncs it.
Given('the mailbox {mailbox} has a folder {folder} of its own', function (this: CrmWorld, mailbox: string, folder: string) {
  const account = this.sim.mail.store.account(mailbox);
  assert.ok(account, `There is no mailbox ${mailbox} on the mail server`);
  this.sim.mail.store.createFolder(account, folder);
});
