import { afterEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { ImapServer, type ImapLimits } from './imap-server.ts';
import type { TranscriptEntry } from './transcript.ts';
import { RawImapClient } from './test-support/raw-imap-client.ts';
import { PASSWORD, USER } from './test-support/fixtures.ts';

/** A server over a store whose clock the test moves, with nested folders for LIST to walk. */
async function start(limits: Partial<ImapLimits> = {}) {
  let now = new Date('2026-03-02T10:00:00Z').getTime();
  const store = new MailStore({ clock: () => new Date(now) });
  const account = store.createAccount({ address: USER, password: PASSWORD });
  for (const name of ['Projects', 'Projects/2024', 'Projects/2024/Acme', 'Clients/Acme/Invoices']) store.createFolder(account, name);
  const transcript: TranscriptEntry[] = [];
  const errors: unknown[] = [];
  const server = new ImapServer({ store, limits, onLine: (entry) => transcript.push(entry), onInternalError: (error) => errors.push(error) });
  const { port } = await server.listen();
  const clients: RawImapClient[] = [];
  const connect = async () => {
    const connected = await RawImapClient.connect(port);
    clients.push(connected.client);
    return connected;
  };
  const loggedIn = async () => {
    const { client } = await connect();
    await client.command(`l1 LOGIN ${USER} "${PASSWORD}"`);
    return client;
  };
  const close = async () => {
    for (const client of clients) client.destroy();
    await server.close();
  };
  running = close;
  return { server, store, account, transcript, errors, connect, loggedIn, advance: (ms: number) => (now += ms) };
}

let running: (() => Promise<void>) | undefined;
afterEach(async () => {
  await running?.();
  running = undefined;
});

describe('IMAP limits', () => {
  it('answers a LIST or LSUB pattern over the length limit with BAD', async () => {
    const h = await start({ maxListPatternLength: 50 });
    const client = await h.loggedIn();
    expect(await client.command(`a1 LIST "" "${'%'.repeat(51)}"`)).toEqual(['a1 BAD LIST pattern too long: 51 characters, the limit is 50']);
    expect(await client.command(`a2 LSUB "${'x/'.repeat(20)}" "${'*'.repeat(20)}"`)).toEqual(['a2 BAD LSUB pattern too long: 60 characters, the limit is 50']);
    expect(await client.command(`a3 LIST "" "${'%'.repeat(50)}"`)).toContain('a3 OK LIST completed');
  });

  it("answers another session's NOOP while one session LISTs with 16,000 \"%\"", async () => {
    // The limit is raised so that the pattern is really matched against every folder.
    const h = await start({ maxListPatternLength: 100_000 });
    const lister = await h.loggedIn();
    const other = await h.loggedIn();
    const pattern = '%'.repeat(16_000);
    const order: string[] = [];
    const listed = lister.command(`a1 LIST "" "${pattern}/%"`).then((lines) => {
      order.push('LIST');
      return lines;
    });
    const sent = Date.now();
    const noop = other.command('b1 NOOP').then((lines) => {
      order.push('NOOP');
      return { lines, ms: Date.now() - sent };
    });
    const [listLines, noopResult] = await Promise.all([listed, noop]);
    expect(listLines).toEqual([
      '* LIST (\\HasChildren) "/" "Projects/2024"',
      '* LIST (\\Noselect \\HasChildren) "/" "Clients/Acme"',
      'a1 OK LIST completed',
    ]);
    expect(noopResult.lines).toEqual(['b1 OK NOOP completed']);
    // A backtracking matcher took seconds here (4.6 s with one nested name); linear matching
    // of a few folders is milliseconds. The bound is generous for a loaded machine.
    expect(noopResult.ms).toBeLessThan(2000);
    expect(order).toHaveLength(2);
  });

  it('refuses connections past the per-address cap with * BYE and a reason, and serves again once one closes', async () => {
    const h = await start({ maxConnectionsPerAddress: 2 });
    const { client: first } = await h.connect();
    await h.connect();
    const { client: third, greeting } = await h.connect();
    expect(greeting).toBe('* BYE [UNAVAILABLE] Too many connections from 127.0.0.1 (limit 2), try again later');
    expect(await third.waitForClose()).toEqual([]);
    await first.logout();
    // The server lets go of the connection on its own 'close' event, a turn after the client's.
    while (h.server.connectionCount > 1) await new Promise((resolve) => setImmediate(resolve));
    const { greeting: again } = await h.connect();
    expect(again).toMatch(/^\* OK /);
  });

  it('refuses connections past the total cap', async () => {
    const h = await start({ maxConnections: 1 });
    await h.connect();
    const { greeting } = await h.connect();
    expect(greeting).toBe('* BYE [UNAVAILABLE] Too many connections to this server (limit 1), try again later');
  });

  it('logs out an idle session by the server clock: shorter before login, 30 minutes after (RFC 3501 §5.4)', async () => {
    const h = await start({ loginTimeoutMs: 60_000, autologoutMs: 30 * 60_000 });
    const { client: anonymous } = await h.connect();
    const member = await h.loggedIn();
    h.advance(59_000);
    expect(h.server.expireIdleSessions()).toBe(0);
    h.advance(1_000);
    expect(h.server.expireIdleSessions()).toBe(1);
    expect(await anonymous.waitForClose()).toEqual(['* BYE Autologout; idle for too long (60 s)']);
    expect(await member.command('n1 NOOP')).toEqual(['n1 OK NOOP completed']);
    h.advance(30 * 60_000 - 1);
    expect(h.server.expireIdleSessions()).toBe(0);
    h.advance(1);
    expect(h.server.expireIdleSessions()).toBe(1);
    expect(await member.waitForClose()).toEqual(['* BYE Autologout; idle for too long (1800 s)']);
  });

  it('answers failed logins later each time and hangs up after the third', async () => {
    const h = await start({ authFailureDelayMs: 40, maxAuthFailures: 3 });
    const { client } = await h.connect();
    const timed = async (line: string) => {
      const sent = Date.now();
      const lines = await client.command(line);
      return { lines, ms: Date.now() - sent };
    };
    const first = await timed(`a1 LOGIN ${USER} wrong`);
    expect(first.lines).toEqual(['a1 NO [AUTHENTICATIONFAILED] Invalid credentials']);
    expect(first.ms).toBeGreaterThanOrEqual(35);
    const second = await timed(`a2 AUTHENTICATE PLAIN ${Buffer.from(`\0${USER}\0wrong`).toString('base64')}`);
    expect(second.lines).toEqual(['a2 NO [AUTHENTICATIONFAILED] Invalid credentials']);
    expect(second.ms).toBeGreaterThanOrEqual(75);
    client.send(`a3 LOGIN ${USER} wrong\r\n`);
    expect(await client.waitForClose()).toEqual(['* BYE Too many failed login attempts (3)', 'a3 NO [AUTHENTICATIONFAILED] Invalid credentials']);
  });

  it('keeps every form of password out of the transcript: after UID, in lower case, malformed, pipelined', async () => {
    const h = await start();
    const { client } = await h.connect();
    const secret = 'hunter2-secret';
    const plain = Buffer.from(`\0${USER}\0${secret}`).toString('base64');
    client.send(
      [
        `a1 UID LOGIN ${USER} ${secret}`,
        `a2 uid login ${USER} "${secret}`,
        `a3\tLOGIN ${USER} ${secret}`,
        `a4 login "${USER}" ${secret} extra`,
        `a5 LOGIN ${secret}`,
        `a6 UID AUTHENTICATE PLAIN ${plain}`,
        `a7 AUTHENTICATE PLAIN ${plain} (`,
        `a8 NOOP`,
        '',
      ].join('\r\n'),
    );
    await client.waitForTagged('a8');
    const lines = h.transcript.filter((entry) => entry.direction === 'client').map((entry) => entry.line);
    expect(lines).toHaveLength(8);
    for (const line of lines) {
      expect(line).not.toContain(secret);
      expect(line).not.toContain(plain);
    }
    expect(lines[0]).toBe(`a1 UID LOGIN ${USER} ***`);
    expect(lines[7]).toBe('a8 NOOP');
  });

  it.each([
    ['FETCH 1:* (UID BODY.PEEK[])', 'EXAMINE', / FETCH \(UID /, 'f1 OK FETCH completed'],
    ['STORE 1:* +FLAGS (\\Flagged)', 'SELECT', / FETCH \(FLAGS \(.*\\Flagged/, 'f1 OK STORE completed'],
  ])('writes %s over many messages in slices: another session is answered before it ends', async (command, open, response, tagged) => {
    const h = await start();
    const inbox = h.account.requireFolderByRole('inbox');
    const count = 5000;
    for (let i = 1; i <= count; i++) h.store.deliver(h.account, inbox, Buffer.from(`Subject: message ${i}\r\nMessage-ID: <m${i}@acme.test>\r\n\r\n${'body '.repeat(100)}\r\n`));
    const worker = await h.loggedIn();
    await worker.command(`s1 ${open} INBOX`);
    const other = await h.loggedIn();
    worker.send(`f1 ${command}\r\n`);
    const noop = other.command('n1 NOOP');
    const answered = await worker.waitForTagged('f1');
    expect(await noop).toEqual(['n1 OK NOOP completed']);
    expect(answered.filter((line) => response.test(line))).toHaveLength(count);
    expect(answered.at(-1)).toBe(tagged);
    // The order the server wrote them in: the NOOP's answer went out while the long reply was
    // still being written, which a reply made in one piece cannot allow.
    const serverLines = h.transcript.filter((entry) => entry.direction === 'server').map((entry) => entry.line);
    expect(serverLines.indexOf('n1 OK NOOP completed')).toBeLessThan(serverLines.indexOf(tagged));
    expect(h.errors).toEqual([]);
  });

  it('searches a large folder in slices: another session is answered before the one SEARCH response', async () => {
    const h = await start();
    const inbox = h.account.requireFolderByRole('inbox');
    const count = 5000;
    for (let i = 1; i <= count; i++) h.store.deliver(h.account, inbox, Buffer.from(`Subject: message ${i}\r\nMessage-ID: <m${i}@acme.test>\r\n\r\n${i % 1000 === 0 ? 'needle ' : ''}${'body '.repeat(100)}\r\n`));
    const worker = await h.loggedIn();
    await worker.command('s1 EXAMINE INBOX');
    const other = await h.loggedIn();
    // BODY reads every message's text (RFC 3501 §6.4.4): the longest search there is.
    worker.send('f1 UID SEARCH BODY "needle"\r\n');
    const noop = other.command('n1 NOOP');
    const answered = await worker.waitForTagged('f1');
    expect(await noop).toEqual(['n1 OK NOOP completed']);
    expect(answered).toEqual(['* SEARCH 1000 2000 3000 4000 5000', 'f1 OK UID SEARCH completed']);
    // The NOOP's answer went out before the SEARCH response was made, which one piece of work cannot allow.
    const serverLines = h.transcript.filter((entry) => entry.direction === 'server').map((entry) => entry.line);
    expect(serverLines.indexOf('n1 OK NOOP completed')).toBeLessThan(serverLines.indexOf('* SEARCH 1000 2000 3000 4000 5000'));
    expect(h.errors).toEqual([]);
  });
});
