import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, type Account } from '../../mock-servers/index.ts';
import { MailboxSync, MAX_RECONNECTS, type RemoteFolder, type SyncedMessage, type SyncTarget } from './mailbox-sync.ts';
import { DROP, TcpLink } from './testing/tcp-link.ts';

/**
 * The connector on a network that breaks: a link between it and the server cuts connections at
 * exact protocol moments, or rewrites UIDVALIDITY as a restored mailbox would (R1.5).
 */
const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;
let account: Account;
let link: TcpLink;
let sync: MailboxSync;
let received: SyncedMessage[];

const target: SyncTarget = {
  registerFolders: (_folders: readonly RemoteFolder[]) => undefined,
  foldersToSync: () => ['INBOX', 'Spam'],
  receive: (message) => {
    received.push(message);
  },
};

const mail = (subject: string) =>
  Buffer.from(`From: jan@client.test\r\nTo: sales@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@client.test>\r\n\r\nHello\r\n`);

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  account = server.addAccount('sales@acme.test', 'secret');
  const { host, imapPort } = await server.start();
  link = new TcpLink({ host, port: imapPort });
  const through = await link.start();
  sync = new MailboxSync({ ...through, user: 'sales@acme.test', password: 'secret' }, target);
  received = [];
  for (const subject of ['one', 'two', 'three']) server.store.deliver(account, account.requireFolderByRole('inbox'), mail(subject));
  server.store.deliver(account, account.requireFolderByRole('junk'), mail('junk'));
});
afterEach(async () => {
  await sync.close();
  await link.stop();
  await server.stop();
});

const subjects = () => received.map((m) => `${m.folder}:${m.subject}`);
const isFetch = (line: string) => /^\* \d+ FETCH /.test(line);

describe('R1.5 a dropped IMAP connection mid-sync', () => {
  it('R1.5 reconnects, resumes the folder and hands every message over once', async () => {
    link.rule = (line, connection) => (connection === 1 && isFetch(line) ? DROP : line);
    const report = await sync.syncOnce();
    expect(link.dropped).toBe(1);
    expect(report).toMatchObject({ reconnects: 1, fetched: 4, failures: [] });
    expect(subjects()).toEqual(['INBOX:one', 'INBOX:two', 'INBOX:three', 'Spam:junk']);
  });

  it('R1.5 a drop in the second folder does not fetch the first one again', async () => {
    let fetches = 0;
    link.rule = (line, connection) => (connection === 1 && isFetch(line) && ++fetches === 4 ? DROP : line);
    const report = await sync.syncOnce();
    expect(report.reconnects).toBe(1);
    expect(subjects()).toEqual(['INBOX:one', 'INBOX:two', 'INBOX:three', 'Spam:junk']);
  });

  it(`R1.5 gives up after ${MAX_RECONNECTS} reconnects; the next sync takes up where it stopped, without doubles`, async () => {
    let fetches = 0;
    link.rule = (line) => (isFetch(line) && ++fetches > 3 ? DROP : line);
    await expect(sync.syncOnce()).rejects.toThrow();
    expect(link.dropped).toBe(MAX_RECONNECTS + 1);
    expect(subjects()).toEqual(['INBOX:one', 'INBOX:two', 'INBOX:three']);
    link.rule = undefined;
    const report = await sync.syncOnce();
    expect(report).toMatchObject({ reconnects: 0, fetched: 1 });
    expect(subjects()).toEqual(['INBOX:one', 'INBOX:two', 'INBOX:three', 'Spam:junk']);
  });
});

describe('R1.5 UIDVALIDITY changes', () => {
  it('R1.5 a folder whose UIDVALIDITY changed is read again from the start, with the new UIDVALIDITY', async () => {
    const inbox = account.requireFolderByRole('inbox').uidValidity;
    await sync.syncOnce();
    // As a rebuilt index shows it: in EXAMINE's answer and in STATUS.
    link.rule = (line) => line.replace(`UIDVALIDITY ${inbox}`, `UIDVALIDITY ${inbox + 900}`);
    const report = await sync.syncOnce();
    expect(report.fetched).toBe(3);
    expect(received.slice(4).map((m) => [m.subject, m.uidValidity, m.uid])).toEqual([
      ['one', inbox + 900, 1],
      ['two', inbox + 900, 2],
      ['three', inbox + 900, 3],
    ]);
    expect(sync.state.cursor('INBOX')).toEqual({ uidValidity: inbox + 900, lastUid: 3, uidNext: 4 });
  });
});
