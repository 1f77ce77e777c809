import { afterEach, describe, expect, it } from 'vitest';
import { MailStore, type Folder } from '../store/index.ts';
import { ImapServer } from './imap-server.ts';
import { RawImapClient } from './test-support/raw-imap-client.ts';
import { PASSWORD, USER } from './test-support/fixtures.ts';
import type { TranscriptEntry } from './transcript.ts';

/**
 * COPY and MOVE of many messages (RFC 3501 §6.4.7, RFC 6851, RFC 4315 COPYUID): prepared in
 * slices so other sessions keep moving, committed in one step so nobody sees part of one. Each
 * test runs something "between slices": when the server logs the command line, a callback is
 * queued that runs once the first slice has given the event loop back, before the second (a
 * slice prepares 1,024 copies at most, so the first leaves most of the work to come).
 */
const COUNT = 10_000;

async function start() {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z'), firstUidValidity: 1000 });
  const account = store.createAccount({ address: USER, password: PASSWORD });
  const projects = store.createFolder(account, 'Projects');
  for (let i = 1; i <= COUNT; i++) {
    store.deliver(account, projects, Buffer.from(`Subject: message ${i}\r\nMessage-ID: <m${i}@acme.test>\r\n\r\n${'body '.repeat(20)}\r\n`), i % 100 === 0 ? { flags: ['\\Flagged', '$Later'] } : {});
  }
  const transcript: TranscriptEntry[] = [];
  const errors: unknown[] = [];
  const betweenSlices = new Map<string, () => void>();
  const disconnected: number[] = [];
  const server = new ImapServer({
    store,
    onLine: (entry) => {
      transcript.push(entry);
      const action = entry.direction === 'client' ? betweenSlices.get(entry.line) : undefined;
      if (action) setImmediate(action);
    },
    onInternalError: (error) => errors.push(error),
    onDisconnect: (id) => disconnected.push(id),
  });
  const { port } = await server.listen();
  const clients: RawImapClient[] = [];
  const loggedIn = async (select?: string) => {
    const { client } = await RawImapClient.connect(port);
    clients.push(client);
    await client.command(`l1 LOGIN ${USER} "${PASSWORD}"`);
    if (select) await client.command(`s1 SELECT ${select}`);
    return client;
  };
  running = async () => {
    for (const client of clients) client.destroy();
    await server.close();
  };
  const serverLines = () => transcript.filter((entry) => entry.direction === 'server').map((entry) => entry.line);
  const folder = (name: string): Folder | undefined => account.folders.find((candidate) => candidate.name === name);
  return { store, account, projects, transcript, errors, betweenSlices, disconnected, loggedIn, serverLines, folder };
}

let running: (() => Promise<void>) | undefined;
afterEach(async () => {
  await running?.();
  running = undefined;
});

/** Sends NOOPs one after another until `until` settles; returns every response they got. */
async function keepAsking(client: RawImapClient, until: Promise<unknown>): Promise<string[][]> {
  let over = false;
  void until.then(() => (over = true));
  const answers: string[][] = [];
  for (let n = 1; !over; n++) answers.push(await client.command(`n${n} NOOP`));
  return answers;
}

describe('IMAP COPY and MOVE of many messages, in slices and all at once', () => {
  it('another session is answered while a large COPY is prepared; the copy keeps flags and dates, COPYUID maps every UID', async () => {
    const h = await start();
    // A hole in the UIDs, so COPYUID has two source ranges for one target range (RFC 4315 §3).
    h.store.removeMessages(h.account, h.projects, h.projects.messages.slice(4999, 5999));
    const worker = await h.loggedIn('Projects');
    const other = await h.loggedIn();
    h.betweenSlices.set('c1 COPY 1:* Trash', () => other.send('n1 NOOP\r\n'));
    worker.send('c1 COPY 1:* Trash\r\n');
    const answered = await worker.waitForTagged('c1');
    expect(await other.waitForTagged('n1')).toEqual(['n1 OK NOOP completed']);
    expect(answered).toEqual([`c1 OK [COPYUID 1003 1:4999,6000:${COUNT} 1:${COUNT - 1000}] COPY completed`]);
    // Sent during the COPY and answered before it ended, which one piece of work cannot allow.
    expect(h.serverLines().indexOf('n1 OK NOOP completed')).toBeLessThan(h.serverLines().indexOf(answered[0]!));
    const trash = h.account.requireFolderByRole('trash');
    expect(trash.messages).toHaveLength(COUNT - 1000);
    const [first, last] = [trash.messages[0]!, trash.messages.at(-1)!];
    expect([first.uid, first.raw.toString().split('\r\n')[0]]).toEqual([1, 'Subject: message 1']);
    expect([last.uid, last.raw.toString().split('\r\n')[0], [...last.flags]]).toEqual([COUNT - 1000, `Subject: message ${COUNT}`, ['\\Flagged', '$Later']]);
    expect(last.internalDate).toEqual(h.projects.messages.at(-1)!.internalDate);
    expect(h.errors).toEqual([]);
  });

  it('no one sees part of a COPY: a session on the target hears of none or all of it, and the store says so at every event', async () => {
    const h = await start();
    const trash = h.account.requireFolderByRole('trash');
    const seenAtEvents = new Set<number>();
    h.store.onChange((event) => {
      if (event.kind === 'message-added' && event.folder === trash) seenAtEvents.add(trash.messages.length);
    });
    const worker = await h.loggedIn('Projects');
    const watcher = await h.loggedIn('Trash');
    const idler = await h.loggedIn('Trash');
    idler.send('i1 IDLE\r\n');
    await idler.waitForContinuation();
    worker.send('c1 COPY 1:* Trash\r\n');
    const copied = worker.waitForTagged('c1');
    const answers = await keepAsking(watcher, copied);
    expect(await copied).toEqual([`c1 OK [COPYUID 1003 1:${COUNT} 1:${COUNT}] COPY completed`]);
    // An IDLE session is told at once, and once (RFC 2177 §3), with the keyword the copies brought.
    idler.send('DONE\r\n');
    expect(await idler.waitForTagged('i1')).toEqual([
      `* ${COUNT} EXISTS`,
      `* ${COUNT} RECENT`,
      '* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Later)',
      '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Later \\*)] Flags permitted',
      'i1 OK IDLE terminated',
    ]);
    answers.push(await watcher.command('n0 NOOP'));
    const exists = answers.flat().filter((line) => line.endsWith(' EXISTS'));
    expect(exists).toEqual([`* ${COUNT} EXISTS`]);
    // Some NOOPs were answered while the COPY was under way, before the one that saw it all.
    expect(answers.findIndex((lines) => lines.includes(`* ${COUNT} EXISTS`))).toBeGreaterThan(0);
    expect([...seenAtEvents]).toEqual([COUNT]);
    expect(h.errors).toEqual([]);
  });

  it('a MOVE never shows a message in both folders or in neither, and reports every EXPUNGE', async () => {
    const h = await start();
    const trash = h.account.requireFolderByRole('trash');
    const states = new Set<string>();
    h.store.onChange(() => states.add(`${h.projects.messages.length}+${trash.messages.length}`));
    const worker = await h.loggedIn('Projects');
    const watcher = await h.loggedIn('Trash');
    worker.send('m1 MOVE 1:* Trash\r\n');
    const moved = worker.waitForTagged('m1');
    const answers = await keepAsking(watcher, moved);
    const lines = await moved;
    expect(lines[0]).toBe(`* OK [COPYUID 1003 1:${COUNT} 1:${COUNT}] Moved`);
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: COUNT }, () => '* 1 EXPUNGE'));
    expect(lines.at(-1)).toBe('m1 OK MOVE completed');
    expect([...states]).toEqual([`0+${COUNT}`]);
    answers.push(await watcher.command('n0 NOOP'));
    expect(answers.flat().filter((line) => line.endsWith(' EXISTS'))).toEqual([`* ${COUNT} EXISTS`]);
    expect(h.errors).toEqual([]);
  });

  it.each([
    ['COPY', 'c1 COPY 1:* Trash', 'Projects'],
    ['MOVE', 'c1 UID MOVE 1:* Trash', 'Projects'],
  ])('a %s whose message is expunged by someone else meanwhile is NO [EXPUNGEISSUED] and changes nothing', async (_, command) => {
    const h = await start();
    const worker = await h.loggedIn('Projects');
    // The last message: prepared only after the expunge, so the preparing itself meets it.
    h.betweenSlices.set(command, () => h.store.removeMessages(h.account, h.projects, [h.projects.messages.at(-1)!]));
    worker.send(`${command}\r\n`);
    expect(await worker.waitForTagged('c1')).toEqual([`* ${COUNT} EXPUNGE`, 'c1 NO [EXPUNGEISSUED] Some of the requested messages no longer exist']);
    expect(h.account.requireFolderByRole('trash').messages).toHaveLength(0);
    expect(h.projects.messages).toHaveLength(COUNT - 1);
    // The client learnt of the expunge and tries again: now it works.
    expect(await worker.command('c2 UID COPY 1:* Trash')).toEqual([`c2 OK [COPYUID 1003 1:${COUNT - 1} 1:${COUNT - 1}] UID COPY completed`]);
    expect(h.errors).toEqual([]);
  });

  it('a message expunged after it was prepared is found at the commit: NO [EXPUNGEISSUED], nothing moved', async () => {
    const h = await start();
    const worker = await h.loggedIn('Projects');
    h.betweenSlices.set('c1 MOVE 1:* Trash', () => h.store.removeMessages(h.account, h.projects, [h.projects.messages[0]!]));
    worker.send('c1 MOVE 1:* Trash\r\n');
    expect(await worker.waitForTagged('c1')).toEqual(['* 1 EXPUNGE', 'c1 NO [EXPUNGEISSUED] Some of the requested messages no longer exist']);
    expect(h.account.requireFolderByRole('trash').messages).toHaveLength(0);
    expect(h.projects.messages).toHaveLength(COUNT - 1);
    expect(h.errors).toEqual([]);
  });

  it.each([
    ['deleted', (h: Awaited<ReturnType<typeof start>>) => h.store.deleteFolder(h.account, 'Archive')],
    ['renamed', (h: Awaited<ReturnType<typeof start>>) => h.store.renameFolder(h.account, 'Archive', 'Archive 2025')],
  ])('a target %s meanwhile is NO [TRYCREATE], and nothing is copied or moved', async (_, change) => {
    const h = await start();
    h.store.createFolder(h.account, 'Archive');
    const worker = await h.loggedIn('Projects');
    h.betweenSlices.set('c1 COPY 1:* Archive', () => change(h));
    h.betweenSlices.set('c2 MOVE 1:* Archive', () => h.store.renameFolder(h.account, 'Archive', 'Old'));
    worker.send('c1 COPY 1:* Archive\r\n');
    expect(await worker.waitForTagged('c1')).toEqual(['c1 NO [TRYCREATE] Mailbox was deleted or renamed during the COPY; nothing was copied']);
    expect(h.folder('Archive 2025')?.messages ?? []).toHaveLength(0);
    // As TRYCREATE suggests, the client creates it and tries again; renamed away once more, the MOVE does nothing either.
    expect(await worker.command('c0 CREATE Archive')).toEqual(['c0 OK CREATE completed']);
    worker.send('c2 MOVE 1:* Archive\r\n');
    expect(await worker.waitForTagged('c2')).toEqual(['c2 NO [TRYCREATE] Mailbox was deleted or renamed during the MOVE; nothing was moved']);
    expect(h.folder('Old')?.messages).toHaveLength(0);
    expect(h.projects.messages).toHaveLength(COUNT);
    expect(h.errors).toEqual([]);
  });

  it('the selected mailbox deleted meanwhile ends the session with BYE, and nothing is copied', async () => {
    const h = await start();
    const worker = await h.loggedIn('Projects');
    h.betweenSlices.set('c1 COPY 1:* Trash', () => h.store.deleteFolder(h.account, 'Projects'));
    worker.send('c1 COPY 1:* Trash\r\n');
    expect(await worker.waitForClose()).toEqual(['* BYE Selected mailbox was deleted, have to disconnect']);
    expect(h.account.requireFolderByRole('trash').messages).toHaveLength(0);
    expect(h.errors).toEqual([]);
  });

  it('a client that goes away during a COPY gets nothing copied, so a retry cannot copy twice (as Dovecot)', async () => {
    const h = await start();
    const worker = await h.loggedIn('Projects');
    h.betweenSlices.set('c1 COPY 1:* Trash', () => worker.destroy());
    worker.send('c1 COPY 1:* Trash\r\n');
    const other = await h.loggedIn();
    // Once the server has let the connection go, one more turn lets any slice still queued run.
    while (h.disconnected.length === 0) await other.command('n1 NOOP');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await other.command('n2 STATUS Trash (MESSAGES)')).toEqual(['* STATUS "Trash" (MESSAGES 0)', 'n2 OK STATUS completed']);
    expect(h.errors).toEqual([]);
  });
});
