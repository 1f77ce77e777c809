import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, parseFault, type Account } from '../../mock-servers/index.ts';
import { MailboxSync, type RemoteFolder, type SyncedMessage, type SyncTarget } from './mailbox-sync.ts';
import { CommandLog, type SentCommand } from './testing/command-log.ts';

/**
 * The connector's one IMAP session per mailbox, against the real mock server: kept open across
 * synchronisations, told of new mail as a client is (EXISTS, STATUS), asking nothing whose
 * answer cannot have changed, and still noticing new folders, renames and a new UIDVALIDITY.
 */
const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;
let account: Account;
let log: CommandLog;
let sync: MailboxSync;
let folders: RemoteFolder[];
let received: SyncedMessage[];
let toSync: (listed: readonly RemoteFolder[]) => string[];

const target: SyncTarget = {
  registerFolders: (listed) => {
    folders = [...listed];
  },
  foldersToSync: () => toSync(folders),
  receive: (message) => {
    received.push(message);
  },
};

const mail = (subject: string) =>
  Buffer.from(`From: jan@client.test\r\nTo: sales@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@client.test>\r\n\r\nHello\r\n`);
const deliver = (folder: 'inbox' | 'junk', subject: string) => server.store.deliver(account, account.requireFolderByRole(folder), mail(subject));
const names = (commands: SentCommand[]) => commands.map((c) => `${c.name}${c.name === 'STATUS' || c.name === 'EXAMINE' ? ` ${c.line.split(' ')[2]}` : ''}`);
const subjects = () => received.map((m) => `${m.folder}:${m.subject}`);

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  account = server.addAccount('sales@acme.test', 'secret');
  await server.start();
  log = new CommandLog(server);
  sync = new MailboxSync({ host: server.address.host, port: server.address.imapPort, user: 'sales@acme.test', password: 'secret' }, target);
  folders = [];
  received = [];
  toSync = () => ['INBOX', 'Spam'];
});
afterEach(async () => {
  await sync.close();
  log.close();
  await server.stop();
});

describe('one IMAP session per mailbox, kept across synchronisations', () => {
  it('logs in once; a sync with nothing new asks LIST and one question per folder, on the same connection', async () => {
    deliver('inbox', 'One');
    const first = await log.during(() => sync.syncOnce());
    expect(names(first)).toEqual(['ID', 'AUTHENTICATE', 'NAMESPACE', 'LIST', 'LSUB', 'EXAMINE INBOX', 'UID FETCH', 'EXAMINE Spam']);
    let report;
    const second = await log.during(async () => (report = await sync.syncOnce()));
    // Spam is still selected from the first sync: NOOP lets the server report news there; INBOX is asked with STATUS.
    expect(names(second)).toEqual(['LIST', 'STATUS INBOX', 'NOOP']);
    expect(new Set([...first, ...second].map((c) => c.connection)).size).toBe(1);
    expect(report).toEqual({ folders: ['INBOX', 'Spam'], fetched: 0, failures: [], reconnects: 0, connections: 0 });
    expect(subjects()).toEqual(['INBOX:One']);
  });

  it('learns of new mail in the selected folder from EXISTS and in another from STATUS, and fetches only what is new', async () => {
    deliver('inbox', 'One');
    await sync.syncOnce();
    deliver('junk', 'Junk');
    const spamNews = await log.during(() => sync.syncOnce());
    expect(names(spamNews)).toEqual(['LIST', 'STATUS INBOX', 'UID FETCH']);
    expect(spamNews.at(-1)!.line).toContain('UID FETCH 1:*');
    deliver('inbox', 'Two');
    const inboxNews = await log.during(() => sync.syncOnce());
    expect(names(inboxNews)).toEqual(['LIST', 'STATUS INBOX', 'EXAMINE INBOX', 'UID FETCH', 'STATUS Spam']);
    expect(inboxNews[3]!.line).toContain('UID FETCH 2:2 ');
    expect(subjects()).toEqual(['INBOX:One', 'Spam:Junk', 'INBOX:Two']);
  });

  it('notices a folder created since the last sync, and the same folder renamed', async () => {
    toSync = (listed) => listed.map((f) => f.path);
    await sync.syncOnce();
    const projects = server.store.createFolder(account, 'Projects');
    server.store.deliver(account, projects, mail('Plan'));
    await sync.syncOnce();
    expect(folders.map((f) => f.path)).toContain('Projects');
    expect(subjects()).toEqual(['Projects:Plan']);
    server.store.renameFolder(account, 'Projects', 'Clients');
    await sync.syncOnce();
    expect(folders.map((f) => f.path)).toContain('Clients');
    expect(folders.map((f) => f.path)).not.toContain('Projects');
    // A renamed folder is a folder the connector has not read: the CRM's Message-ID check keeps it from saving twice (R1.5).
    expect(subjects()).toEqual(['Projects:Plan', 'Clients:Plan']);
    expect(folders.find((f) => f.path === 'Spam')).toEqual({ path: 'Spam', specialUse: '\\Junk' });
  });

  it('R1.5 notices a new UIDVALIDITY in STATUS and reads the folder again under it', async () => {
    deliver('inbox', 'One');
    deliver('inbox', 'Two');
    await sync.syncOnce();
    const uidValidity = server.asAnotherClient.bumpUidValidity('sales@acme.test', 'INBOX');
    const report = await sync.syncOnce();
    expect(report.fetched).toBe(2);
    expect(received.slice(2).map((m) => [m.subject, m.uidValidity])).toEqual([
      ['One', uidValidity],
      ['Two', uidValidity],
    ]);
  });

  it('R1.5 a new UIDVALIDITY of the selected folder ends the session (BYE); the next sync reconnects and reads it again', async () => {
    deliver('junk', 'Junk');
    await sync.syncOnce();
    const uidValidity = server.asAnotherClient.bumpUidValidity('sales@acme.test', 'Spam');
    const report = await sync.syncOnce();
    expect(report).toMatchObject({ fetched: 1, reconnects: 1, connections: 1 });
    expect(received.map((m) => [m.subject, m.uidValidity])).toEqual([
      ['Junk', expect.any(Number)],
      ['Junk', uidValidity],
    ]);
  });

  it('a session the server ended between synchronisations is reopened by the next one, which brings the new mail once', async () => {
    deliver('inbox', 'One');
    await sync.syncOnce();
    server.restore(server.snapshot());
    account = server.store.account('sales@acme.test')!; // the restored store's own
    deliver('inbox', 'Two');
    const report = await sync.syncOnce();
    expect(report).toMatchObject({ fetched: 1, reconnects: 1, connections: 1, failures: [] });
    expect(subjects()).toEqual(['INBOX:One', 'INBOX:Two']);
  });

  it('a FETCH the server refuses in the selected folder is tried again by the next sync, not taken for "nothing new"', async () => {
    toSync = () => ['INBOX'];
    deliver('inbox', 'One');
    await sync.syncOnce();
    deliver('inbox', 'Two');
    server.faults.add(parseFault('fail-command:command=FETCH,status=NO,nth=1'));
    await expect(sync.syncOnce()).rejects.toThrow();
    const retry = await log.during(() => sync.syncOnce());
    expect(names(retry)).toEqual(['LIST', 'UID FETCH']);
    expect(subjects()).toEqual(['INBOX:One', 'INBOX:Two']);
  });

  it('a FETCH refused right after EXAMINE is tried again by the next sync', async () => {
    deliver('inbox', 'One');
    server.faults.add(parseFault('fail-command:command=FETCH,status=NO,nth=1'));
    await expect(sync.syncOnce()).rejects.toThrow();
    await sync.syncOnce();
    expect(subjects()).toEqual(['INBOX:One']);
  });

  it('files a sent copy with APPEND on the open session, in the \\Sent folder it listed, and the next sync reads it there', async () => {
    toSync = () => ['INBOX', 'Sent'];
    await sync.syncOnce();
    const raw = Buffer.from('From: sales@acme.test\r\nTo: jan@client.test\r\nSubject: Offer\r\nMessage-ID: <offer@acme.test>\r\n\r\nHi\r\n');
    let filed;
    const filing = await log.during(async () => (filed = await sync.append({ raw })));
    expect(names(filing)).toEqual(['APPEND']);
    expect(filed).toMatchObject({ folder: 'Sent', uid: 1 });
    expect(server.messages('sales@acme.test', 'Sent').map((m) => [m.subject, [...m.flags]])).toEqual([['Offer', ['\\Seen']]]);
    const report = await sync.syncOnce();
    expect(report).toMatchObject({ fetched: 1, connections: 0 });
    expect(subjects()).toEqual(['Sent:Offer']);
  });

  it('close() logs out, and a closed connector opens no connection again', async () => {
    await sync.syncOnce();
    const closing = await log.during(() => sync.close());
    expect(names(closing)).toEqual(['LOGOUT']);
    await expect(sync.syncOnce()).rejects.toThrow('The connector of sales@acme.test has been closed');
  });

  it('runs synchronisations asked for at once one after the other on the one session', async () => {
    deliver('inbox', 'One');
    const reports = await Promise.all([sync.syncOnce(), sync.syncOnce()]);
    expect(reports.map((r) => [r.fetched, r.connections])).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(subjects()).toEqual(['INBOX:One']);
  });
});
