import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, type Account } from '../../mock-servers/index.ts';
import { MailboxSync, type RemoteFolder, type SyncedMessage, type SyncTarget } from './mailbox-sync.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;
let account: Account;

/** A target that records what the connector hands over, syncing the folders it is told to. */
class RecordingTarget implements SyncTarget {
  folders: RemoteFolder[] = [];
  received: SyncedMessage[] = [];
  toSync: string[] = ['INBOX', 'Spam'];
  failOn?: string;
  registerFolders(folders: readonly RemoteFolder[]): void {
    this.folders = [...folders];
  }
  foldersToSync(): readonly string[] {
    return this.toSync;
  }
  receive(message: SyncedMessage): void {
    if (message.subject === this.failOn) throw new Error(`cannot take "${message.subject}"`);
    this.received.push(message);
  }
}

const mail = (subject: string, extra = '') =>
  Buffer.from(`From: Jan Kowalski <jan@client.test>\r\nTo: sales@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@client.test>\r\nDate: Mon, 02 Mar 2026 09:59:00 +0000\r\n${extra}\r\nHello\r\n`);

let connectors: MailboxSync[];

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  account = server.addAccount('sales@acme.test', 'secret');
  await server.start();
  connectors = [];
});
afterEach(async () => {
  for (const sync of connectors) await sync.close();
  await server.stop();
});

const connector = (target: SyncTarget, password = 'secret') => {
  const sync = new MailboxSync({ host: server.address.host, port: server.address.imapPort, user: 'sales@acme.test', password }, target);
  connectors.push(sync);
  return sync;
};

describe('MailboxSync over IMAP', () => {
  it('registers the folders with their special use and hands over each new message, parsed', async () => {
    const inbox = account.requireFolderByRole('inbox');
    server.store.deliver(account, inbox, mail('First'));
    server.store.deliver(account, account.requireFolderByRole('junk'), mail('Junk'));
    const target = new RecordingTarget();
    const report = await connector(target).syncOnce();
    // imapflow lists INBOX first, the rest by special use, and names INBOX's role \Inbox itself.
    expect(target.folders).toEqual([
      { path: 'INBOX', specialUse: '\\Inbox' }, { path: 'Sent', specialUse: '\\Sent' }, { path: 'Drafts', specialUse: '\\Drafts' },
      { path: 'Spam', specialUse: '\\Junk' }, { path: 'Trash', specialUse: '\\Trash' },
    ]);
    expect(report).toEqual({ folders: ['INBOX', 'Spam'], fetched: 2, failures: [], reconnects: 0, connections: 1 });
    expect(target.received.map((m) => [m.folder, m.uid, m.uidValidity, m.subject, m.seen])).toEqual([
      ['INBOX', 1, inbox.uidValidity, 'First', false],
      ['Spam', 1, account.requireFolderByRole('junk').uidValidity, 'Junk', false],
    ]);
    expect(target.received[0]).toMatchObject({
      from: [{ name: 'Jan Kowalski', address: 'jan@client.test' }],
      messageId: '<First@client.test>',
      receivedAt: NOW,
      date: new Date('2026-03-02T09:59:00Z'),
    });
  });

  it('streams a large folder in one UID FETCH, across gaps in the UIDs, each message once and in order', async () => {
    const inbox = account.requireFolderByRole('inbox');
    const delivered = Array.from({ length: 507 }, (_, i) => server.store.deliver(account, inbox, mail(`Bulk ${i}`)));
    // Gaps: every fifth message expunged, and a run of them in the middle.
    const gone = new Set(delivered.filter((_, i) => i % 5 === 0 || (i > 200 && i < 260)));
    server.store.removeMessages(account, inbox, gone);
    const commands: string[] = [];
    server.onWire((event) => {
      if (event.protocol === 'imap' && event.entry.direction === 'client' && / UID (FETCH|SEARCH) /.test(event.entry.line)) commands.push(event.entry.line.split(' ').slice(1, 3).join(' '));
    });
    const target = new RecordingTarget();
    const report = await connector(target).syncOnce();
    const kept = delivered.filter((m) => !gone.has(m)).map((m) => m.uid);
    expect(report).toMatchObject({ fetched: kept.length, failures: [] });
    expect(target.received.map((m) => m.uid)).toEqual(kept);
    // Each message is handed over as it arrives, a few at most waiting (streamed-fetch.ts), so
    // one fetch holds no more of the folder at once than a batch would.
    expect(commands).toEqual(['UID FETCH']);
  });

  it('fetches only what is new on the next sync, and never marks messages as read', async () => {
    const inbox = account.requireFolderByRole('inbox');
    server.store.deliver(account, inbox, mail('One'));
    const target = new RecordingTarget();
    const sync = connector(target);
    await sync.syncOnce();
    expect((await sync.syncOnce()).fetched).toBe(0);
    server.store.deliver(account, inbox, mail('Two'));
    await sync.syncOnce();
    expect(target.received.map((m) => m.subject)).toEqual(['One', 'Two']);
    expect(inbox.messages.every((m) => !m.flags.has('\\Seen'))).toBe(true);
  });

  it('reports the \\Seen flag of a message already read', async () => {
    server.store.deliver(account, account.requireFolderByRole('inbox'), mail('Read'), { flags: ['\\Seen'] });
    const target = new RecordingTarget();
    await connector(target).syncOnce();
    expect(target.received[0]?.seen).toBe(true);
  });

  it('syncs only the folders the target asks for, and skips ones the server does not have', async () => {
    server.store.deliver(account, account.requireFolderByRole('junk'), mail('Junk'));
    const target = new RecordingTarget();
    target.toSync = ['INBOX', 'Archive'];
    const report = await connector(target).syncOnce();
    expect(report.folders).toEqual(['INBOX']);
    expect(target.received).toEqual([]);
  });

  it('records a message the target refuses as a failure and goes on with the rest', async () => {
    const inbox = account.requireFolderByRole('inbox');
    server.store.deliver(account, inbox, mail('Bad'));
    server.store.deliver(account, inbox, mail('Good'));
    const target = new RecordingTarget();
    target.failOn = 'Bad';
    const sync = connector(target);
    const report = await sync.syncOnce();
    expect(report.failures).toEqual([{ folder: 'INBOX', uid: 1, reason: 'cannot take "Bad"' }]);
    expect(target.received.map((m) => m.subject)).toEqual(['Good']);
    expect((await sync.syncOnce()).fetched).toBe(0);
  });

  it('fails with the server\'s refusal on wrong credentials', async () => {
    const sync = connector(new RecordingTarget(), 'wrong');
    await expect(sync.syncOnce()).rejects.toThrow();
  });
});
