import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, parseFault, type Account } from '../../mock-servers/index.ts';
import { MailboxSync, type SyncedMessage, type SyncReport } from './mailbox-sync.ts';
import { CommandLog } from './testing/command-log.ts';

/**
 * The connector keeps what it got: on a link that cuts FETCHes short (the mock server's own
 * `drop-mid-fetch` fault), each message reaches the CRM as it arrives and the next attempt starts
 * after the last one handed over, so every message comes across exactly once (R1.5).
 */
const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;
let account: Account;
let log: CommandLog;
let sync: MailboxSync;
let received: SyncedMessage[];

const mail = (n: number) =>
  Buffer.from(`From: jan@client.test\r\nTo: sales@acme.test\r\nSubject: Message ${n}\r\nMessage-ID: <m${n}@client.test>\r\n\r\nHello ${n}\r\n`);
const cutFetches = () => server.transcripts().flatMap((t) => t.lines).filter((l) => l.direction === 'fault' && l.text.includes('before the tagged reply')).length;
const fetchRanges = (lines: { name: string; line: string }[]) => lines.filter((c) => c.name === 'UID FETCH').map((c) => c.line.split(' ')[3]);

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  account = server.addAccount('sales@acme.test', 'secret');
  await server.start();
  log = new CommandLog(server);
  received = [];
  sync = new MailboxSync(
    { host: server.address.host, port: server.address.imapPort, user: 'sales@acme.test', password: 'secret' },
    { registerFolders: () => undefined, foldersToSync: () => ['INBOX', 'Spam'], receive: (message) => void received.push(message) },
  );
});
afterEach(async () => {
  await sync.close();
  log.close();
  await server.stop();
});

describe('R1.5 a FETCH cut short keeps what came before the cut', () => {
  it('R1.5 hands over the messages before the cut and asks the next connection only for the rest', async () => {
    for (let n = 1; n <= 5; n++) server.store.deliver(account, account.requireFolderByRole('inbox'), mail(n));
    server.faults.add(parseFault('drop-mid-fetch:after=2,nth=1'));
    let report: SyncReport | undefined;
    const commands = await log.during(async () => (report = await sync.syncOnce()));
    expect(cutFetches()).toBe(1);
    expect(fetchRanges(commands)).toEqual(['1:5', '3:5']);
    expect(report).toMatchObject({ fetched: 5, reconnects: 1, connections: 2, failures: [] });
    expect(received.map((m) => m.uid)).toEqual([1, 2, 3, 4, 5]);
  });

  it('R1.5 with every FETCH cut after one message, 28 messages in two folders come across exactly once', async () => {
    for (let n = 1; n <= 25; n++) server.store.deliver(account, account.requireFolderByRole('inbox'), mail(n));
    for (let n = 26; n <= 28; n++) server.store.deliver(account, account.requireFolderByRole('junk'), mail(n));
    server.faults.add(parseFault('drop-mid-fetch:after=1'));
    const reports: SyncReport[] = [];
    const commands = await log.during(async () => {
      for (let attempt = 0; attempt < 3; attempt++) reports.push(await sync.syncOnce());
    });
    // Each FETCH starts after the last message handed over. The server cuts every FETCH with more
    // than one message to send, so the last of each folder comes whole: 24 + 2 cuts.
    const inbox = Array.from({ length: 25 }, (_, i) => `${i + 1}:25`);
    expect(fetchRanges(commands)).toEqual([...inbox, '1:3', '2:3', '3:3']);
    expect(cutFetches()).toBe(26);
    // Every connection brings a message before its cut, so the first sync never runs out of
    // reconnects; the later ones find nothing new and fetch nothing.
    expect(reports.map((r) => [r.fetched, r.reconnects, r.failures.length])).toEqual([
      [28, 26, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(received.map((m) => m.subject)).toEqual(Array.from({ length: 28 }, (_, i) => `Message ${i + 1}`));
    expect(new Set(received.map((m) => `${m.folder}/${m.uid}`)).size).toBe(28);
    expect(sync.state.cursor('INBOX')).toMatchObject({ lastUid: 25 });
    expect(sync.state.cursor('Spam')).toMatchObject({ lastUid: 3 });
  });

  it('R1.5 gives up after reconnects in a row that bring nothing, saying so; the next sync takes up where it stopped', async () => {
    server.store.deliver(account, account.requireFolderByRole('inbox'), mail(1));
    await sync.syncOnce();
    for (let n = 2; n <= 3; n++) server.store.deliver(account, account.requireFolderByRole('inbox'), mail(n));
    // Every connection dies before its answer to its 7th command: a reconnect's UID FETCH (after
    // ID, AUTHENTICATE, NAMESPACE, LIST, STATUS, EXAMINE), and at once the session already open.
    server.faults.add(parseFault('drop-after-commands:protocol=imap,commands=6'));
    await expect(sync.syncOnce()).rejects.toThrow(
      /^The IMAP connection to 127\.0\.0\.1:\d+ for sales@acme\.test was lost 4 times in a row without a message coming through/,
    );
    expect(received.map((m) => m.uid)).toEqual([1]);
    server.faults.clear();
    const report = await sync.syncOnce();
    expect(report).toMatchObject({ fetched: 2, reconnects: 0, connections: 1, failures: [] });
    expect(received.map((m) => m.uid)).toEqual([1, 2, 3]);
  });
});
