import { afterEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import type { SmtpLimits } from './smtp-limits.ts';
import { SmtpMockServer } from './smtp-mock-server.ts';
import { RawSmtpClient } from './test-support/raw-smtp-client.ts';

let server: SmtpMockServer | undefined;
const clients: RawSmtpClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

/** A server whose clock the test moves, with the accounts a and b. */
async function start(limits: Partial<SmtpLimits> = {}) {
  let now = new Date('2026-03-02T10:00:00Z').getTime();
  const store = new MailStore({ clock: () => new Date(now) });
  store.createAccount({ address: 'a@acme.test', password: 'pass-a' });
  store.createAccount({ address: 'b@acme.test', password: 'pass-b' });
  server = new SmtpMockServer({ store, limits });
  const { port } = await server.listen();
  const open = async () => {
    const opened = await RawSmtpClient.open(port);
    clients.push(opened.client);
    return opened;
  };
  return { server, open, advance: (ms: number) => (now += ms) };
}

const plain = (authzid: string, authcid: string, password: string) => Buffer.from(`${authzid}\0${authcid}\0${password}`).toString('base64');

describe('SMTP limits', () => {
  it('refuses AUTH PLAIN whose authorization identity is another user (535 5.7.8), and takes an empty or equal one', async () => {
    const h = await start();
    const { client } = await h.open();
    await client.send('EHLO client.test\r\n');
    expect(await client.send(`AUTH PLAIN ${plain('a@acme.test', 'b@acme.test', 'pass-b')}\r\n`)).toBe('535 5.7.8 Not authorised to act as a@acme.test\r\n');
    expect(await client.send(`AUTH PLAIN ${plain('B@Acme.test', 'b@acme.test', 'pass-b')}\r\n`)).toMatch(/^235 /);
    const { client: second } = await h.open();
    await second.send('EHLO client.test\r\n');
    expect(await second.send(`AUTH PLAIN ${plain('', 'b@acme.test', 'pass-b')}\r\n`)).toMatch(/^235 /);
  });

  it('answers failed AUTH later each time and closes with 421 4.7.0 after the third', async () => {
    const h = await start({ authFailureDelayMs: 40, maxAuthFailures: 3 });
    const { client } = await h.open();
    await client.send('EHLO client.test\r\n');
    const timed = async (line: string) => {
      const sent = Date.now();
      const reply = await client.send(line);
      return { reply, ms: Date.now() - sent };
    };
    const first = await timed(`AUTH PLAIN ${plain('', 'a@acme.test', 'wrong')}\r\n`);
    expect(first.reply).toMatch(/^535 /);
    expect(first.ms).toBeGreaterThanOrEqual(35);
    const second = await timed(`AUTH PLAIN ${plain('', 'a@acme.test', 'wrong')}\r\n`);
    expect(second.reply).toMatch(/^535 /);
    expect(second.ms).toBeGreaterThanOrEqual(75);
    expect(await client.send(`AUTH PLAIN ${plain('', 'a@acme.test', 'wrong')}\r\n`)).toBe('421 4.7.0 Too many failed authentication attempts (3)\r\n');
    await expect(client.reply()).rejects.toThrow('connection closed');
  });

  it('refuses connections past the per-address and total caps with 421 4.7.0 and the reason', async () => {
    const h = await start({ maxConnectionsPerAddress: 2 });
    await h.open();
    await h.open();
    const { greeting } = await h.open();
    expect(greeting).toBe('421 4.7.0 mock-smtp.local Error: too many connections from 127.0.0.1 (limit 2)\r\n');
    await h.server.close();
    const total = await start({ maxConnections: 1 });
    await total.open();
    const { greeting: refused } = await total.open();
    expect(refused).toBe('421 4.7.0 mock-smtp.local Error: too many connections (limit 1), try again later\r\n');
  });

  it('times out a silent client by the server clock (421 4.4.2), not before', async () => {
    const h = await start({ idleTimeoutMs: 5 * 60_000 });
    const { client } = await h.open();
    await client.send('EHLO client.test\r\n');
    h.advance(5 * 60_000 - 1);
    expect(h.server.expireIdleConnections()).toBe(0);
    expect(await client.send('NOOP\r\n')).toMatch(/^250 /);
    h.advance(5 * 60_000);
    expect(h.server.expireIdleConnections()).toBe(1);
    expect(await client.reply()).toBe('421 4.4.2 mock-smtp.local Error: timeout exceeded\r\n');
  });
});
