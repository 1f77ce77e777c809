import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { manualClock, STANDARD_FOLDERS, world } from '../testing.ts';
import { processFrom } from './mailbox-settings.ts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('mailbox settings', () => {
  it('defaults: integration on, lead for new senders, source "E-Mail", queue = connector, roles from special-use', () => {
    const { mailbox, anna } = world();
    expect(mailbox.settings).toEqual({
      crmIntegration: true,
      spamFolder: 'Spam',
      inboxFolder: 'INBOX',
      sentFolder: 'Sent',
      trashFolder: 'Trash',
      draftsFolder: 'Drafts',
      foldersToSync: 'all',
      createForNewSender: 'lead',
      createForNewRecipient: 'contact',
      processPeriod: 7,
      leadSource: 'E-Mail',
      responsibleQueue: [anna.id],
    });
    expect(mailbox.accessList).toContain(anna.id);
  });

  it('R1.2: the default spam folder is the one the server marks \\Junk, whatever its name', () => {
    const crm = new Crm({ clock: manualClock().now });
    const anna = crm.addEmployee({ name: 'Anna' });
    const mailbox = crm.connectMailbox({ address: 'a@acme.test', connectorId: anna.id });
    crm.registerMailboxFolders(mailbox.id, [{ path: 'INBOX' }, { path: 'Junk E-mail', specialUse: '\\Junk' }, { path: 'Deleted', specialUse: '\\Trash' }]);
    expect(crm.mailboxById(mailbox.id).settings).toMatchObject({ spamFolder: 'Junk E-mail', trashFolder: 'Deleted' });
  });

  it('a folder chosen before the folders are listed stays chosen', () => {
    const crm = new Crm({ clock: manualClock().now });
    const anna = crm.addEmployee({ name: 'Anna' });
    const mailbox = crm.connectMailbox({ address: 'a@acme.test', connectorId: anna.id, settings: { spamFolder: 'INBOX' } });
    crm.registerMailboxFolders(mailbox.id, STANDARD_FOLDERS);
    expect(crm.mailboxById(mailbox.id).settings.spamFolder).toBe('INBOX');
  });

  it('a folder role whose folder the server no longer lists falls back to the folder the server marks for it', () => {
    const crm = new Crm({ clock: manualClock().now });
    const anna = crm.addEmployee({ name: 'Anna' });
    const mailbox = crm.connectMailbox({ address: 'a@acme.test', connectorId: anna.id });
    crm.registerMailboxFolders(mailbox.id, [...STANDARD_FOLDERS, { path: 'Junk mail' }, { path: 'Old/Sent' }]);
    crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'Junk mail', sentFolder: 'Old/Sent' });
    expect(crm.mailboxById(mailbox.id).settings).toMatchObject({ spamFolder: 'Junk mail', sentFolder: 'Old/Sent' });
    // Another client renamed "Junk mail" and deleted "Old/Sent"; the next sync lists what is left.
    crm.registerMailboxFolders(mailbox.id, [...STANDARD_FOLDERS, { path: 'Junk 2026' }]);
    expect(crm.mailboxById(mailbox.id).settings).toMatchObject({ spamFolder: 'Spam', sentFolder: 'Sent' });
    expect(() => crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'Junk mail' })).toThrow(code('CRM.UNKNOWN_FOLDER'));
    expect(crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'Junk 2026' }).settings.spamFolder).toBe('Junk 2026');
  });

  it('R4.3: the connector changes the settings', () => {
    const { crm, anna, mailbox } = world();
    const changed = crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false, spamFolder: 'Archive' });
    expect(changed.settings).toMatchObject({ crmIntegration: false, spamFolder: 'Archive' });
  });

  it('R4.3: an administrator changes the settings too', () => {
    const { crm, admin, mailbox } = world();
    expect(crm.updateMailboxSettings(admin.id, mailbox.id, { crmIntegration: false }).settings.crmIntegration).toBe(false);
  });

  it('R4.3: anyone else, even with mailbox access, gets CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS and nothing changes', () => {
    const { crm, boris, mailbox } = world();
    expect(() => crm.updateMailboxSettings(boris.id, mailbox.id, { crmIntegration: false })).toThrow(
      code('CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS'),
    );
    expect(() => crm.grantMailboxAccess(boris.id, mailbox.id, boris.id)).toThrow(code('CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS'));
    expect(crm.mailboxById(mailbox.id).settings.crmIntegration).toBe(true);
  });

  it('R4.3: "User can edit settings" is about CRM settings, not someone else\'s mailbox', () => {
    const { crm, mailbox } = world();
    const editor = crm.addEmployee({ name: 'Edith', canEditSettings: true });
    expect(() => crm.updateMailboxSettings(editor.id, mailbox.id, { crmIntegration: false })).toThrow(
      code('CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS'),
    );
  });

  it('an unknown setting name is CRM.UNKNOWN_SETTING, naming it and listing the valid ones', () => {
    const { crm, anna, mailbox } = world();
    let error: unknown;
    try {
      crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolderr: 'Spam' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CRM.UNKNOWN_SETTING' });
    expect((error as Error).message).toContain('"spamFolderr"');
    expect((error as Error).message).toContain('spamFolder, inboxFolder');
  });

  it('R1.3: a spam folder the server does not have is CRM.UNKNOWN_FOLDER', () => {
    const { crm, anna, mailbox } = world();
    expect(() => crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'Junk' })).toThrow(code('CRM.UNKNOWN_FOLDER'));
    expect(() => crm.updateMailboxSettings(anna.id, mailbox.id, { foldersToSync: ['INBOX', 'Nope'] })).toThrow(code('CRM.UNKNOWN_FOLDER'));
    expect(crm.mailboxById(mailbox.id).settings.spamFolder).toBe('Spam');
  });

  it('values of the wrong kind are CRM.INVALID_SETTING_VALUE', () => {
    const { crm, anna, mailbox } = world();
    for (const patch of [
      { crmIntegration: 'yes' },
      { createForNewSender: 'deal' },
      { createForNewRecipient: 'deal' },
      { processPeriod: 14 },
      { leadSource: '' },
      { responsibleQueue: [] },
      { foldersToSync: 'INBOX' },
      { spamFolder: 3 },
    ]) {
      expect(() => crm.updateMailboxSettings(anna.id, mailbox.id, patch), JSON.stringify(patch)).toThrow(code('CRM.INVALID_SETTING_VALUE'));
    }
  });

  it('R4.4: a queue naming someone who is not an employee is CRM.UNKNOWN_EMPLOYEE', () => {
    const { crm, anna, mailbox } = world();
    expect(() => crm.updateMailboxSettings(anna.id, mailbox.id, { responsibleQueue: [anna.id, 42] })).toThrow(code('CRM.UNKNOWN_EMPLOYEE'));
  });

  it('R1.4: "Process e-mails for the last N days" is 7, 30 or all, counted back from the connection', () => {
    const { crm, anna, mailbox, clock } = world();
    clock.advanceMinutes(60);
    const changed = crm.updateMailboxSettings(anna.id, mailbox.id, { processPeriod: 30 });
    expect(changed.settings.processPeriod).toBe(30);
    expect(changed.connectedAt).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(processFrom(changed.connectedAt, 30)).toEqual(new Date('2026-01-31T09:00:00Z'));
    expect(processFrom(changed.connectedAt, 7)).toEqual(new Date('2026-02-23T09:00:00Z'));
    expect(processFrom(changed.connectedAt, 'all')).toBeUndefined();
  });

  it('the outgoing switch "Create … for outgoing e-mail to a new address" takes Lead, Contact or off', () => {
    const { crm, anna, mailbox } = world();
    expect(crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewRecipient: 'off' }).settings.createForNewRecipient).toBe('off');
  });

  it('the connector syncs every listed folder by default, or the chosen ones', () => {
    const { crm, anna, mailbox } = world();
    expect(crm.foldersToSync(mailbox.id)).toEqual(STANDARD_FOLDERS.map((f) => f.path));
    crm.updateMailboxSettings(anna.id, mailbox.id, { foldersToSync: ['inbox', 'Archive'] });
    expect(crm.foldersToSync(mailbox.id)).toEqual(['INBOX', 'Archive']);
  });

  it('connecting an address twice, or as a stranger, is refused', () => {
    const { crm, anna } = world();
    expect(() => crm.connectMailbox({ address: 'SALES@acme.test', connectorId: anna.id })).toThrow(code('CRM.MAILBOX_ALREADY_CONNECTED'));
    expect(() => crm.connectMailbox({ address: 'x@acme.test', connectorId: 99 })).toThrow(code('CRM.UNKNOWN_EMPLOYEE'));
  });
});
