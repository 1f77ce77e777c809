import { afterEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { ImapServer } from './imap-server.ts';
import { startHarness, type Harness } from './test-support/fixtures.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(limits?: Parameters<typeof startHarness>[0]): Promise<Harness> {
  harness = await startHarness(limits);
  return harness;
}

describe('IMAP robustness', () => {
  it('answers unknown commands and syntax errors with BAD and carries on', async () => {
    const { client } = await (await start()).client();
    expect(await client.command('a1 XAPPEND INBOX {3}')).toEqual(['a1 BAD Unknown command XAPPEND']);
    // Refused before the literal is invited: the client need not send the octets (RFC 3501 §7.5).
    expect(await client.command('a0 APPEND INBOX {3}')).toEqual(['a0 BAD APPEND is only allowed after LOGIN or AUTHENTICATE']);
    expect(await client.command('a2 LOGIN "unterminated')).toEqual(['a2 BAD Unterminated quoted string']);
    client.send('\r\n');
    expect(await client.waitFor((line) => line.startsWith('* BAD'))).toEqual(['* BAD Empty command line']);
    expect(await client.command('a3 NOOP')).toEqual(['a3 OK NOOP completed']);
    expect(harness?.internalErrors).toEqual([]);
  });

  it('survives binary garbage and still answers', async () => {
    const { client } = await (await start()).client();
    client.send(Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x7d, 0x0d, 0x0a, 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x0a]));
    await client.waitFor((line) => line.startsWith('* BAD'));
    await client.waitFor((line) => line.startsWith('* BAD'));
    expect(await client.command('a1 NOOP')).toEqual(['a1 OK NOOP completed']);
    expect(harness?.internalErrors).toEqual([]);
  });

  it('rejects a line over the limit without storing it, then goes on', async () => {
    const h = await start({ maxLineLength: 1024 });
    const { client } = await h.client();
    client.send(`a1 NOOP ${'x'.repeat(100_000)}\r\n`);
    expect(await client.waitForTagged('a1')).toEqual(['a1 BAD Command line too long']);
    expect(await client.command('a2 NOOP')).toEqual(['a2 OK NOOP completed']);
  });

  it('refuses a literal over the limit when announced: no continuation for {n}, BAD and close for {n+} (RFC 7888 §4)', async () => {
    const h = await start({ maxLiteralSize: 100 });
    const { client } = await h.client();
    expect(await client.command('a1 LOGIN {5000}')).toEqual(['a1 BAD Literal too large: 5000 octets, the limit is 100']);
    expect(await client.command('a2 NOOP')).toEqual(['a2 OK NOOP completed']);
    // The octets are never waited for: the answer comes while the client is still sending.
    client.send('a3 LOGIN {2147483648+}\r\n');
    client.send('y'.repeat(64 * 1024));
    expect(await client.waitForTagged('a3')).toEqual([
      '* BYE Non-synchronizing literal over the limit, closing the connection',
      'a3 BAD [TOOBIG] Literal too large: 2147483648 octets, the limit is 100',
    ]);
    expect(await client.waitForClose()).toEqual([]);
  });

  it('holds the literal limit for APPEND: NO [TOOBIG] before the octets, APPENDLIMIT advertised, nothing stored', async () => {
    const h = await start({ maxLiteralSize: 100 });
    const client = await h.loggedIn('SELECT');
    expect(await client.command('c1 CAPABILITY')).toEqual([expect.stringContaining(' APPENDLIMIT=100'), 'c1 OK Capability completed']);
    expect(await client.command('a1 APPEND INBOX {101}')).toEqual(['a1 NO [TOOBIG] Message of 101 octets is over the limit of 100 (APPENDLIMIT)']);
    client.send(`a4 APPEND INBOX {100+}\r\nSubject: x\r\n\r\n${'z'.repeat(85)}\r\n`);
    expect(await client.waitForTagged('a4')).toEqual(['* 3 EXISTS', '* 1 RECENT', 'a4 OK [APPENDUID 1000 3] APPEND completed']);
    client.send(`a2 APPEND INBOX (\\Seen) {200+}\r\n${'y'.repeat(200)}\r\na3 NOOP\r\n`);
    expect(await client.waitForClose()).toEqual([
      '* BYE Non-synchronizing literal over the limit, closing the connection',
      'a2 BAD [TOOBIG] Message of 200 octets is over the limit of 100 (APPENDLIMIT)',
    ]);
    expect(h.inbox.messages).toHaveLength(3);
  });

  it('counts malformed folder and message commands towards the BYE', async () => {
    const client = await (await start({ maxBadCommands: 3 })).loggedIn('SELECT');
    await client.command('a1 CREATE');
    await client.command('a2 COPY 99 Trash');
    expect(await client.command('a3 UID EXPUNGE')).toEqual(['* BYE Too many invalid commands', 'a3 BAD Invalid arguments for UID EXPUNGE, expected: UID EXPUNGE uid-set']);
    expect(await client.waitForClose()).toEqual([]);
  });

  it('keeps serving others when a client vanishes in the middle of a literal', async () => {
    const h = await start();
    const { client: quitter } = await h.client();
    quitter.send('a1 LOGIN {10}\r\n');
    await quitter.waitForContinuation();
    quitter.send('abc');
    quitter.destroy();
    const { client } = await h.client();
    expect(await client.command('b1 NOOP')).toEqual(['b1 OK NOOP completed']);
  });

  it('says BYE after 20 invalid commands in a row', async () => {
    const { client } = await (await start()).client();
    for (let index = 1; index < 20; index++) expect(await client.command(`a${index} BOGUS`)).toEqual([`a${index} BAD Unknown command BOGUS`]);
    expect(await client.command('a20 BOGUS')).toEqual(['* BYE Too many invalid commands', 'a20 BAD Unknown command BOGUS']);
    expect(await client.waitForClose()).toEqual([]);
  });

  it('counts only consecutive invalid commands', async () => {
    const { client } = await (await start({ maxBadCommands: 3 })).client();
    await client.command('a1 BOGUS');
    await client.command('a2 BOGUS');
    await client.command('a3 NOOP');
    await client.command('a4 BOGUS');
    expect(await client.command('a5 BOGUS')).toEqual(['a5 BAD Unknown command BOGUS']);
    expect(await client.command('a6 BOGUS')).toEqual(['* BYE Too many invalid commands', 'a6 BAD Unknown command BOGUS']);
  });

  it('turns a bug in a handler into BAD Internal server error, keeping the connection', async () => {
    const h = await start();
    const client = await h.loggedIn('EXAMINE');
    const message = h.inbox.messages[0];
    if (!message) throw new Error('fixture has no message');
    Object.defineProperty(message, 'raw', { get: () => { throw new Error('disk on fire'); } });
    expect(await client.command('a1 FETCH 1 BODY.PEEK[]')).toEqual(['a1 BAD Internal server error']);
    expect(await client.command('a2 FETCH 2 UID')).toEqual(['* 2 FETCH (UID 2)', 'a2 OK FETCH completed']);
    expect(h.internalErrors).toHaveLength(1);
    expect(JSON.stringify(h.transcript)).not.toContain('disk on fire');
  });

  it('handles many pipelined commands in order', async () => {
    const client = await (await start()).loggedIn('EXAMINE');
    client.send(Array.from({ length: 200 }, (_, index) => `p${index} FETCH 1:2 (UID FLAGS)\r\n`).join(''));
    const lines = await client.waitForTagged('p199');
    expect(lines.filter((line) => / OK FETCH completed$/.test(line))).toHaveLength(200);
    expect(lines.filter((line) => line.startsWith('* '))).toHaveLength(400);
  });

  it('closes listener and connections; port is only known while listening', async () => {
    const server = new ImapServer({ store: new MailStore() });
    expect(() => server.port).toThrow(/not listening/);
    await server.close();
    const endpoint = await server.listen();
    expect(endpoint).toEqual({ host: '127.0.0.1', port: server.port });
    expect(server.port).toBeGreaterThan(0);
    const h = await start();
    const { client } = await h.client();
    await h.server.close();
    expect(await client.waitForClose()).toEqual([]);
    await server.close();
  });
});
