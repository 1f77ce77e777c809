import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from '../../mock-servers/index.ts';
import type { ImapAccount } from '../mail-sync/index.ts';
import { changeFolder } from './mail-folders.ts';
import { actOnMail } from './webmail.ts';

/** Mail and folder actions of a user's mail client, against the real IMAP server. */
const USER = 'sales@acme.test';
let server: MockMailServer;
let imap: ImapAccount;

const message = (subject: string) => `From: jan@client.test\r\nTo: ${USER}\r\nSubject: ${subject}\r\n\r\nHello\r\n`;

beforeEach(async () => {
  server = new MockMailServer({});
  server.addAccount(USER, 'secret');
  const { host, imapPort } = await server.start();
  imap = { host, port: imapPort, user: USER, password: 'secret' };
  for (const subject of ['Read one', 'Unread one', 'Twice', 'Twice']) server.deliver(message(subject), { to: USER });
});
afterEach(async () => {
  await server.stop();
});

const flagsOf = (subject: string) => server.messages(USER).filter((m) => m.subject === subject).map((m) => [...m.flags].sort());

describe('actOnMail', () => {
  it('finds the e-mail by its whole subject, not by a part of it as IMAP SEARCH does', async () => {
    await actOnMail(imap, 'INBOX', 'Read one', { kind: 'read' });
    await actOnMail(imap, 'INBOX', 'Read one', { kind: 'flag' });
    expect(flagsOf('Read one')).toEqual([['\\Flagged', '\\Seen']]);
    expect(flagsOf('Unread one')).toEqual([[]]);
    await actOnMail(imap, 'INBOX', 'Read one', { kind: 'unread' });
    await actOnMail(imap, 'INBOX', 'Read one', { kind: 'unflag' });
    expect(flagsOf('Read one')).toEqual([[]]);
  });

  it('names every e-mail that matches when several do, and what the folder holds when none does', async () => {
    await expect(actOnMail(imap, 'INBOX', 'Twice', { kind: 'read' })).rejects.toThrow(
      'Expected one e-mail with the subject "Twice" in sales@acme.test/INBOX, found 2: UID 3, UID 4. The folder holds: "Read one" (UID 1), "Unread one" (UID 2), "Twice" (UID 3), "Twice" (UID 4)',
    );
    await expect(actOnMail(imap, 'INBOX', 'Read', { kind: 'read' })).rejects.toThrow('Expected one e-mail with the subject "Read" in sales@acme.test/INBOX, found none.');
    await expect(actOnMail(imap, 'Trash', 'Read one', { kind: 'read' })).rejects.toThrow('found none. The folder holds: nothing');
    expect(flagsOf('Twice')).toEqual([[], []]);
  });

  it('moves to a folder of one\'s own and deletes for good', async () => {
    await changeFolder(imap, { kind: 'create', path: 'Clients/Junk' });
    await actOnMail(imap, 'INBOX', 'Unread one', { kind: 'move', to: 'Clients/Junk' });
    expect(server.messages(USER, 'Clients/Junk').map((m) => m.subject)).toEqual(['Unread one']);
    await actOnMail(imap, 'Clients/Junk', 'Unread one', { kind: 'delete' });
    expect(server.messages(USER, 'Clients/Junk')).toEqual([]);
    expect(server.messages(USER).map((m) => m.subject)).toEqual(['Read one', 'Twice', 'Twice']);
  });
});

describe('changeFolder', () => {
  it('creates, renames and deletes folders, and says what the server refused with the folders there are', async () => {
    await changeFolder(imap, { kind: 'create', path: 'Junk mail' });
    await changeFolder(imap, { kind: 'rename', path: 'Junk mail', to: 'Junk 2026' });
    expect(server.folders(USER).map((f) => f.name)).toContain('Junk 2026');
    await changeFolder(imap, { kind: 'delete', path: 'Junk 2026' });
    expect(server.folders(USER).map((f) => f.name)).not.toContain('Junk 2026');
    await expect(changeFolder(imap, { kind: 'delete', path: 'Spam' })).rejects.toThrow(
      /refused to delete the folder "Spam" of sales@acme\.test: .*cannot be deleted.*\. Its folders: INBOX, /,
    );
  });
});
