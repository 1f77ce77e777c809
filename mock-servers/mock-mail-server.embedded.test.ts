import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawImapClient } from './imap/test-support/raw-imap-client.ts';
import { MockMailServer } from './mock-mail-server.ts';
import { RawSmtpClient } from './smtp/test-support/raw-smtp-client.ts';

/** The embedded API as a test author uses it: users, direct delivery, reading, waiting, reset, transcripts. */
const USER = 'sales@acme.test';
const AT = new Date('2026-03-02T09:00:00Z');
let server: MockMailServer;

beforeEach(async () => {
  server = new MockMailServer({ clock: () => AT, users: [{ address: USER, password: 'secret' }, { address: 'office@acme.test', password: 'pw' }] });
  await server.start();
});
afterEach(() => server.close());

const raw = (subject: string, extra = '') => `From: "Kowalski, Jan" <Jan@Client.test>\r\nTo: Sales <sales@acme.test>\r\nCc: office@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@client.test>\r\n${extra}\r\nHello\r\n`;

describe('accounts and direct delivery', () => {
  it('creates the users given, each with the default folders, ready for IMAP', async () => {
    expect(server.folders(USER).map((f) => [f.name, f.role, f.messages, f.subscribed])).toEqual([
      ['INBOX', 'inbox', 0, true], ['Sent', 'sent', 0, true], ['Spam', 'junk', 0, true], ['Trash', 'trash', 0, true], ['Drafts', 'drafts', 0, true],
    ]);
    const { client } = await RawImapClient.connect(server.address.imapPort);
    expect((await client.command('a LOGIN office@acme.test pw')).at(-1)).toMatch(/^a OK/);
    await client.logout();
  });

  it('files into INBOX, into Spam when marked, or into the folder asked, and reads back decoded headers', () => {
    expect(server.deliver(raw('=?UTF-8?Q?Zapytanie_o_ofert=C4=99?='), { to: [USER, 'office@acme.test'] })).toEqual([
      { account: USER, folder: 'INBOX', uid: 1 },
      { account: 'office@acme.test', folder: 'INBOX', uid: 1 },
    ]);
    expect(server.deliver(raw('Cheap pills', 'X-Spam-Flag: YES\r\n'), { to: USER })).toEqual([{ account: USER, folder: 'Spam', uid: 1 }]);
    expect(server.deliver(raw('Draft'), { to: USER, folder: 'Drafts', flags: ['\\Draft', '\\Seen'] })).toEqual([{ account: USER, folder: 'Drafts', uid: 1 }]);
    const [first] = server.messages(USER);
    expect(first).toMatchObject({
      account: USER, folder: 'INBOX', uid: 1, flags: [], from: ['jan@client.test'], to: ['sales@acme.test', 'office@acme.test'],
      subject: 'Zapytanie o ofertę', messageId: 'UTF8QZapytanie_o_ofertC499@client.test', internalDate: AT,
    });
    expect(first!.raw.toString()).toBe(raw('=?UTF-8?Q?Zapytanie_o_ofert=C4=99?='));
    expect(server.messages(USER, 'Drafts')[0]!.flags).toEqual(['\\Draft', '\\Seen']);
    expect(server.messages(USER, 'Spam').map((m) => m.subject)).toEqual(['Cheap pills']);
  });

  it('refuses a recipient or folder that does not exist, filing nothing', () => {
    expect(() => server.deliver(raw('x'), { to: [USER, 'ghost@acme.test'] })).toThrow(/no account ghost@acme\.test.*accounts: sales@acme\.test, office@acme\.test/);
    expect(() => server.deliver(raw('x'), { to: USER, folder: 'Archive' })).toThrow(/has no folder "Archive"/);
    expect(server.messages(USER)).toEqual([]);
  });
});

describe('waitForMessages', () => {
  it('resolves on arrival over SMTP, without polling, with the messages that match', async () => {
    const waiting = server.waitForMessages({ count: 2, match: { to: USER, from: 'jan@client.test', folder: 'INBOX' } });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.address.smtpPort, ignoreTLS: true });
    await transport.sendMail({ from: 'jan@client.test', to: USER, subject: 'One', text: '1' });
    await transport.sendMail({ from: 'eve@client.test', to: USER, subject: 'Not this', text: '2' });
    await transport.sendMail({ from: 'jan@client.test', to: USER, subject: 'Two', text: '3' });
    expect((await waiting).map((m) => m.subject)).toEqual(['One', 'Two']);
  });

  it('counts messages already there, takes a predicate or a subject pattern, and resolves on a move', async () => {
    server.deliver(raw('Invoice 7'), { to: USER });
    expect(await server.waitForMessages({ match: { subject: /^Invoice \d+$/ } })).toHaveLength(1);
    const inTrash = server.waitForMessages({ match: (m) => m.folder === 'Trash' && m.subject === 'Invoice 7' });
    server.asAnotherClient.move(USER, 'INBOX', 1, 'Trash');
    expect((await inTrash)[0]).toMatchObject({ folder: 'Trash', uid: 1 });
  });

  it('fails after the timeout saying what it found', async () => {
    server.deliver(raw('Something else'), { to: USER });
    await expect(server.waitForMessages({ match: { subject: 'Never' }, timeoutMs: 20 })).rejects.toThrow(/Waited 20 ms for 1 matching message\(s\), found 0/);
  });
});

describe('transcripts', () => {
  it('keeps both directions of both protocols per connection, with the passwords redacted', async () => {
    const { client: imap } = await RawImapClient.connect(server.address.imapPort);
    await imap.command('a1 LOGIN sales@acme.test secret');
    await imap.logout();
    const { client: smtp } = await RawSmtpClient.open(server.address.smtpPort);
    await smtp.send('EHLO client.test\r\n');
    await smtp.send(`AUTH PLAIN ${Buffer.from('\0sales@acme.test\0secret').toString('base64')}\r\n`);
    await smtp.send('QUIT\r\n');
    smtp.close();

    const [imapT, smtpT] = server.transcripts();
    expect(imapT).toMatchObject({ protocol: 'imap', remote: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(smtpT).toMatchObject({ protocol: 'smtp', remote: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(imapT!.connectionId).not.toBe(smtpT!.connectionId);
    expect(imapT!.lines.map((l) => `${l.direction} ${l.text}`)).toEqual(expect.arrayContaining(['client a1 LOGIN sales@acme.test ***', expect.stringMatching(/^server a1 OK /), 'client zz LOGOUT', expect.stringMatching(/^server \* BYE/)]));
    expect(smtpT!.lines.map((l) => `${l.direction} ${l.text}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^server 220 /), 'client EHLO client.test', 'client AUTH PLAIN ***', expect.stringMatching(/^server 235 /), 'client QUIT']));
    const everything = JSON.stringify(server.transcripts());
    expect(everything).not.toContain('secret');
    expect(everything).not.toContain(Buffer.from('\0sales@acme.test\0secret').toString('base64'));
    expect(imapT!.lines[0]!.at).toEqual(AT);
  });
});

describe('reset and close', () => {
  it('empties every mailbox and the outbox, keeps the users, clears faults and transcripts, and tells open sessions', async () => {
    server.deliver(raw('Old'), { to: USER });
    server.store.createFolder(server.store.requireAccount(USER), 'Projects/2026');
    const { client } = await RawImapClient.connect(server.address.imapPort);
    await client.command('a1 LOGIN sales@acme.test secret');
    await client.command('a2 SELECT INBOX');
    server.faults.add({ kind: 'throttle', afterMessages: 0 });

    server.reset();

    expect(await client.command('a3 NOOP')).toEqual(['* 1 EXPUNGE', 'a3 OK NOOP completed']);
    expect(server.messages(USER)).toEqual([]);
    expect(server.folders(USER).map((f) => f.name)).toEqual(['INBOX', 'Sent', 'Spam', 'Trash', 'Drafts']);
    expect(server.faults.active()).toEqual([]);
    expect(server.transcripts().flatMap((t) => t.lines.map((l) => l.text))).toEqual(['a3 NOOP', '* 1 EXPUNGE', 'a3 OK NOOP completed']);
    await nodemailer.createTransport({ host: '127.0.0.1', port: server.address.smtpPort, ignoreTLS: true }).sendMail({ from: 'a@b.test', to: USER, subject: 'New', text: 'x' });
    expect(server.messages(USER).map((m) => [m.subject, m.uid])).toEqual([['New', 2]]);
    await client.logout();
  });

  it('closes once however often close() and stop() are called', async () => {
    await Promise.all([server.close(), server.stop()]);
    await server.close();
    expect(() => server.address).toThrow(/not started/);
  });
});

describe('without transcripts', () => {
  it('keeps no lines, yet an onWire listener still hears every line while it listens', async () => {
    const quiet = new MockMailServer({ clock: () => AT, transcripts: false, users: [{ address: USER, password: 'secret' }] });
    await quiet.start();
    try {
      const { client } = await RawImapClient.connect(quiet.address.imapPort);
      await client.command('a1 NOOP');
      const heard: string[] = [];
      const stop = quiet.onWire((event) => {
        if (event.protocol === 'imap') heard.push(`${event.entry.direction} ${event.entry.line}`);
      });
      await client.command('a2 NOOP');
      stop();
      await client.logout();
      expect(heard).toEqual(['client a2 NOOP', 'server a2 OK NOOP completed']);
      expect(quiet.transcripts().flatMap((t) => t.lines)).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
