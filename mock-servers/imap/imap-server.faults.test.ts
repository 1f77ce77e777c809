import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from '../mock-mail-server.ts';
import { RawImapClient } from './test-support/raw-imap-client.ts';

/** Each scripted IMAP fault on a raw socket: which responses the client gets, and where it ends. */
const USER = 'sales@acme.test';
let server: MockMailServer;
let port: number;
const clients: RawImapClient[] = [];

const message = (n: number, body = `Body ${n}`) => `From: jan@client.test\r\nTo: ${USER}\r\nSubject: Message ${n}\r\nMessage-ID: <m${n}@client.test>\r\n\r\n${body}\r\n`;

beforeEach(async () => {
  server = new MockMailServer({ clock: () => new Date('2026-03-02T09:00:00Z'), users: [{ address: USER, password: 'secret' }] });
  for (const n of [1, 2, 3]) server.deliver(message(n, n === 2 ? 'Looks like a response:\r\n* 7 FETCH (UID 7)\r\n' : undefined), { to: USER });
  port = (await server.start()).imapPort;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

async function loggedIn(): Promise<RawImapClient> {
  const { client } = await RawImapClient.connect(port);
  clients.push(client);
  expect((await client.command('a1 LOGIN sales@acme.test secret')).at(-1)).toMatch(/^a1 OK/);
  return client;
}

const faultLines = () => server.transcripts().flatMap((t) => t.lines.filter((l) => l.direction === 'fault').map((l) => l.text));

describe('drop after N commands', () => {
  it('answers the first N commands, then hangs up on the next without a word', async () => {
    server.faults.add({ kind: 'drop-after-commands', protocol: 'imap', commands: 2 });
    const client = await loggedIn();
    expect((await client.command('a2 SELECT INBOX')).at(-1)).toMatch(/^a2 OK/);
    client.send('a3 NOOP\r\n');
    expect(await client.waitForClose()).toEqual([]);
    expect(faultLines()).toEqual(['IMAP connection dropped after 2 command(s): connection dropped at command #3']);
    const transcript = server.transcripts().find((t) => t.protocol === 'imap')!;
    expect(transcript.lines.at(-2)).toMatchObject({ direction: 'client', text: 'a3 NOOP' });
  });
});

describe('failed commands', () => {
  it('answers the Nth SELECT with the scripted NO, and the next one normally', async () => {
    server.faults.add({ kind: 'fail-command', command: 'SELECT', status: 'NO', nth: 1 });
    const client = await loggedIn();
    expect(await client.command('a2 SELECT INBOX')).toEqual(['a2 NO SELECT failed (scripted fault)']);
    expect((await client.command('a3 SELECT INBOX')).at(-1)).toMatch(/^a3 OK \[READ-WRITE\]/);
  });

  it('leaves no mailbox selected after a failed SELECT, as RFC 3501 §6.3.1 says', async () => {
    const client = await loggedIn();
    await client.command('a2 SELECT INBOX');
    server.faults.add({ kind: 'fail-command', command: 'select', status: 'NO', text: 'Mailbox is locked' });
    expect(await client.command('a3 SELECT Sent')).toEqual(['a3 NO Mailbox is locked']);
    expect((await client.command('a4 FETCH 1 (UID)')).at(-1)).toMatch(/^a4 BAD No mailbox selected/);
  });

  it('fails UID FETCH as well when FETCH is scripted to fail, and does not run it', async () => {
    server.faults.add({ kind: 'fail-command', command: 'FETCH', status: 'BAD' });
    const client = await loggedIn();
    await client.command('a2 SELECT INBOX');
    expect(await client.command('a3 UID FETCH 1:* (FLAGS)')).toEqual(['a3 BAD FETCH failed (scripted fault)']);
    expect(await client.command('a4 FETCH 1 (BODY[])')).toEqual(['a4 BAD FETCH failed (scripted fault)']);
    expect(server.messages(USER).map((m) => m.flags)).toEqual([[], [], []]);
  });

  it('does not hide a real error: an unknown command is still BAD for what it is', async () => {
    server.faults.add({ kind: 'fail-command', command: 'NOOP', status: 'NO' });
    const { client } = await RawImapClient.connect(port);
    clients.push(client);
    expect(await client.command('a1 NOOP')).toEqual(['a1 NO NOOP failed (scripted fault)']);
    expect((await client.command('a2 FROB')).at(-1)).toMatch(/^a2 BAD Unknown command FROB/);
  });
});

describe('drop in the middle of a FETCH', () => {
  it('writes exactly N FETCH responses, then hangs up before the tagged reply', async () => {
    server.faults.add({ kind: 'drop-mid-fetch', afterResponses: 1, nth: 1 });
    const client = await loggedIn();
    await client.command('a2 SELECT INBOX');
    client.send('a3 UID FETCH 1:* (UID BODY.PEEK[])\r\n');
    const rest = await client.waitForClose();
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatch(/^\* 1 FETCH \(UID 1 BODY\[\] \{\d+\}\r\n.*Subject: Message 1/s);
    expect(faultLines()).toEqual([
      'FETCH #1 dropped after 1 response(s): FETCH will be cut after 1 response(s)',
      'drop-mid-fetch: connection dropped after 1 FETCH response(s), before the tagged reply',
    ]);
  });

  it('counts responses, not lines that look like responses inside a message body', async () => {
    server.faults.add({ kind: 'drop-mid-fetch', afterResponses: 2 });
    const client = await loggedIn();
    await client.command('a2 SELECT INBOX');
    client.send('a3 FETCH 1:3 (BODY.PEEK[])\r\n');
    const rest = await client.waitForClose();
    expect(rest.map((r) => r.slice(0, 12))).toEqual(['* 1 FETCH (B', '* 2 FETCH (B']);
    expect(rest[1]).toContain('* 7 FETCH (UID 7)');
  });

  it('lets a FETCH with no more responses than allowed finish, and later FETCHes run whole', async () => {
    server.faults.add({ kind: 'drop-mid-fetch', afterResponses: 1, nth: 2 });
    const client = await loggedIn();
    await client.command('a2 SELECT INBOX');
    expect(await client.command('a3 FETCH 1:3 (UID)')).toHaveLength(4);
    client.send('a4 FETCH 1:3 (UID)\r\n');
    expect(await client.waitForClose()).toEqual(['* 1 FETCH (UID 1)']);
    const again = await loggedIn();
    await again.command('b1 SELECT INBOX');
    expect(await again.command('b2 FETCH 1:3 (UID)')).toEqual(['* 1 FETCH (UID 1)', '* 2 FETCH (UID 2)', '* 3 FETCH (UID 3)', 'b2 OK FETCH completed']);
  });
});

describe('slow replies', () => {
  it('holds each reply back, keeps pipelined replies in order, and the greeting waits too', async () => {
    server.faults.add({ kind: 'slow', protocol: 'imap', delayMs: 20 });
    const started = performance.now();
    const client = await loggedIn();
    client.send('b1 NOOP\r\nb2 SELECT INBOX\r\nb3 FETCH 1 (UID)\r\n');
    const replies = await client.waitForTagged('b3');
    // A lower bound only (greeting, LOGIN and three replies): timers never fire early.
    expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 20 - 5);
    const tagged = replies.filter((line) => /^b\d /.test(line));
    expect(tagged.map((line) => line.slice(0, 5))).toEqual(['b1 OK', 'b2 OK', 'b3 OK']);
    expect(replies).toContain('* 1 FETCH (UID 1)');
  });
});
