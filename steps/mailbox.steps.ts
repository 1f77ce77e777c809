import { Given, When } from '@cucumber/cucumber';
import { mailboxSettingFromWords } from './support/mailbox-setting-words.ts';
import type { CrmWorld } from './support/world.ts';

// Mailboxes: connecting one, its settings, and mail arriving in it.

Given('the employee {string}', function (this: CrmWorld, name: string) {
  this.sim.addEmployee(name);
});

Given('{string} has connected the mailbox {string} to the CRM', async function (this: CrmWorld, employee: string, address: string) {
  await this.sim.connectMailbox(address, employee);
});

Given('the mailbox {string} moves spam to the folder {string}', function (this: CrmWorld, address: string, folder: string) {
  this.sim.configureMailbox(address, { spamFolder: folder });
});

When('{string} sets {string} of the mailbox {string} to {string}', function (this: CrmWorld, employee: string, setting: string, address: string, value: string) {
  const { key, value: parsed } = mailboxSettingFromWords(setting, value);
  this.sim.changeMailboxSettings(employee, address, { [key]: parsed });
});

When('{string} tries to set {string} of the mailbox {string} to {string}', function (this: CrmWorld, employee: string, setting: string, address: string, value: string) {
  const { key, value: parsed } = mailboxSettingFromWords(setting, value);
  this.attempt(() => this.sim.changeMailboxSettings(employee, address, { [key]: parsed }));
});

When('{string} sends an e-mail to {string} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.sim.sendFromOutside({ from, to, subject });
});

When('{string} sends an e-mail marked as spam to {string} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.sim.sendFromOutside({ from, to, subject, markedAsSpam: true });
});

Given('{string} has sent an e-mail to {string} with the subject {string}', async function (this: CrmWorld, from: string, to: string, subject: string) {
  await this.sim.sendFromOutside({ from, to, subject });
  await this.sim.synchronise(to);
});

When('the CRM synchronises the mailbox {string}', async function (this: CrmWorld, address: string) {
  await this.sim.synchronise(address);
});
