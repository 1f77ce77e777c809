import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from '../mock-mail-server.ts';
import { RawSmtpClient } from './test-support/raw-smtp-client.ts';

/** Each scripted SMTP fault, line by line on a raw socket: the exact replies and where the connection ends. */
let now = Date.parse('2026-03-02T09:00:00Z');
let server: MockMailServer;
let port: number;
const clients: RawSmtpClient[] = [];

beforeEach(async () => {
  now = Date.parse('2026-03-02T09:00:00Z');
  server = new MockMailServer({ clock: () => new Date(now), users: [{ address: 'sales@acme.test', password: 'secret' }, { address: 'office@acme.test', password: 'secret' }] });
  port = (await server.start()).smtpPort;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

async function open(): Promise<RawSmtpClient> {
  const { client } = await RawSmtpClient.open(port);
  clients.push(client);
  await client.send('EHLO client.test\r\n');
  return client;
}

const faultLines = () => server.transcripts().flatMap((t) => t.lines.filter((l) => l.direction === 'fault').map((l) => `${t.protocol}#${t.connectionId} ${l.text}`));

describe('refused recipients', () => {
  it('refuses only the 2nd RCPT TO with the scripted code and lets the rest through', async () => {
    server.faults.add({ kind: 'refuse-recipient', nth: 2, code: 550 });
    const client = await open();
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await client.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<office@acme.test>\r\n')).toBe('550 5.1.1 <office@acme.test>: Recipient address rejected (scripted fault)\r\n');
    expect(await client.send('RCPT TO:<partner@elsewhere.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('DATA\r\n')).toMatch(/^354 /);
    expect(await client.send('Subject: Two of three\r\n\r\nHello\r\n.\r\n')).toMatch(/^250 /);
    expect(server.messages('sales@acme.test').map((m) => m.subject)).toEqual(['Two of three']);
    expect(server.messages('office@acme.test')).toEqual([]);
    expect(faultLines()).toEqual([expect.stringMatching(/^smtp#\d+ refuse recipient #2 with 550: RCPT TO:<office@acme\.test> refused with 550$/)]);
  });

  it('refuses an address with a 4xx of its own, keeping the enhanced code the rule gives', async () => {
    server.faults.add({ kind: 'refuse-recipient', address: 'OFFICE@acme.test', code: 452, message: '4.2.2 Mailbox full' });
    const client = await open();
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await client.send('RCPT TO:<office@acme.test>\r\n')).toBe('452 4.2.2 Mailbox full\r\n');
    expect(await client.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^250 /);
  });

  it('answers an unknown user of a hosted domain for what it is, before any scripted refusal', async () => {
    server.faults.add({ kind: 'refuse-recipient', code: 451 });
    const client = await open();
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await client.send('RCPT TO:<nobody@acme.test>\r\n')).toMatch(/^550 5\.1\.1 <nobody@acme\.test>: Recipient address rejected/);
  });
});

describe('greylisting (RFC 6647)', () => {
  it('answers 451 4.7.1 to a new triple, again before the delay, and accepts the retry once the server clock has passed it', async () => {
    server.faults.add({ kind: 'greylist', retryAfterMs: 5 * 60_000 });
    const first = await open();
    await first.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await first.send('RCPT TO:<sales@acme.test>\r\n')).toBe('451 4.7.1 <sales@acme.test>: Recipient address rejected: Greylisted, please try again later\r\n');
    expect(await first.send('QUIT\r\n')).toMatch(/^221 /);

    now += 4 * 60_000;
    const early = await open();
    await early.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await early.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^451 4\.7\.1 /);

    now += 60_000;
    const retry = await open();
    await retry.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await retry.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^250 /);
    // Another sender is a new triple and waits its turn.
    await retry.send('RSET\r\n');
    await retry.send('MAIL FROM:<eve@client.test>\r\n');
    expect(await retry.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^451 /);
  });
});

describe('throttling', () => {
  it('takes N messages, then answers MAIL FROM with 421 and closes the connection', async () => {
    server.faults.add({ kind: 'throttle', afterMessages: 1 });
    const client = await open();
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    await client.send('DATA\r\n');
    expect(await client.send('Subject: One\r\n\r\n.\r\n')).toMatch(/^250 /);
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toBe('421 4.7.0 Too many messages, closing connection; try again later\r\n');
    await expect(client.reply()).rejects.toThrow(/closed/);
    // A new connection is throttled too: the count is the server's, not the connection's.
    const again = await open();
    expect(await again.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^421 /);
  });
});

describe('dropped connections', () => {
  it('hangs up without a reply when the connection sends its N+1th command', async () => {
    server.faults.add({ kind: 'drop-after-commands', protocol: 'smtp', commands: 2 });
    const client = await open();
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^250 /);
    await expect(client.send('RCPT TO:<sales@acme.test>\r\n')).rejects.toThrow(/closed/);
    expect(faultLines()).toEqual([expect.stringMatching(/SMTP connection dropped after 2 command\(s\): connection dropped at command #3$/)]);
  });
});

describe('slow replies', () => {
  it('holds every reply back by the delay and still answers pipelined commands in order', async () => {
    const client = await open();
    server.faults.add({ kind: 'slow', protocol: 'smtp', delayMs: 30 });
    const started = performance.now();
    client.send('MAIL FROM:<jan@client.test>\r\nRCPT TO:<sales@acme.test>\r\nRCPT TO:<office@acme.test>\r\n').catch(() => undefined);
    const replies = [await client.reply(), await client.reply(), await client.reply()];
    // A lower bound only: timers never fire early, so this cannot fail on a slow machine.
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 30 - 5);
    expect(replies.map((r) => r.slice(0, 3))).toEqual(['250', '250', '250']);
  });
});
