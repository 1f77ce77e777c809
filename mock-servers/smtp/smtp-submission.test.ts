import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { SmtpMockServer } from './smtp-mock-server.ts';
import { RawSmtpClient } from './test-support/raw-smtp-client.ts';

/** The submission listener (RFC 6409): AUTH PLAIN or LOGIN first (RFC 4954), then mail. */
const NOW = new Date('2026-03-02T10:00:00Z');
let store: MailStore;
let server: SmtpMockServer;
let client: RawSmtpClient;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

beforeEach(async () => {
  store = new MailStore({ clock: () => NOW });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  server = new SmtpMockServer({ store, submissionPort: 0 });
  await server.listen();
  const submission = server.addresses().find((a) => a.kind === 'submission');
  client = (await RawSmtpClient.open(submission!.port)).client;
  await client.send('EHLO client.test\r\n');
});
afterEach(async () => {
  client.close();
  await server.close();
});

describe('submission listener', () => {
  it('is reported beside the inbound listener, on its own port, with AUTH required', () => {
    const addresses = server.addresses();
    expect(addresses.map((a) => [a.kind, a.authRequired, a.tls])).toEqual([['inbound', false, 'none'], ['submission', true, 'none']]);
    expect(new Set(addresses.map((a) => a.port)).size).toBe(2);
  });

  it('refuses MAIL, RCPT and DATA before AUTH with 530 5.7.0', async () => {
    expect(await client.send('MAIL FROM:<sales@acme.test>\r\n')).toMatch(/^530 5\.7\.0 Authentication required/);
    expect(await client.send('RCPT TO:<a@client.test>\r\n')).toMatch(/^530 5\.7\.0 /);
    expect(await client.send('DATA\r\n')).toMatch(/^530 5\.7\.0 /);
  });

  it('refuses bad credentials with 535 5.7.8 and lets the client try again', async () => {
    expect(await client.send(`AUTH PLAIN ${b64('\0sales@acme.test\0wrong')}\r\n`)).toMatch(/^535 5\.7\.8 /);
    expect(await client.send('MAIL FROM:<sales@acme.test>\r\n')).toMatch(/^530 /);
    expect(await client.send(`AUTH PLAIN ${b64('\0sales@acme.test\0secret')}\r\n`)).toMatch(/^235 2\.7\.0 /);
  });

  it('accepts AUTH LOGIN step by step, then mail, traced as ESMTPA', async () => {
    expect(await client.send('AUTH LOGIN\r\n')).toMatch(/^334 VXNlcm5hbWU6/);
    expect(await client.send(`${b64('sales@acme.test')}\r\n`)).toMatch(/^334 UGFzc3dvcmQ6/);
    expect(await client.send(`${b64('secret')}\r\n`)).toMatch(/^235 2\.7\.0 /);
    expect(await client.send('MAIL FROM:<sales@acme.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<a@client.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('DATA\r\n')).toMatch(/^354 /);
    expect(await client.send('Subject: hi\r\n\r\nbody\r\n.\r\n')).toMatch(/^250 /);
    expect(server.outbox.messages[0]!.raw.toString()).toMatch(/with ESMTPA id 1;/);
  });

  it('answers a cancelled AUTH LOGIN with 501 and an unknown mechanism with 504', async () => {
    await client.send('AUTH LOGIN\r\n');
    expect(await client.send('*\r\n')).toMatch(/^501 /);
    expect(await client.send('AUTH CRAM-MD5\r\n')).toMatch(/^504 /);
  });

  it('refuses a second AUTH in the same session with 503', async () => {
    await client.send(`AUTH PLAIN ${b64('\0sales@acme.test\0secret')}\r\n`);
    expect(await client.send(`AUTH PLAIN ${b64('\0sales@acme.test\0secret')}\r\n`)).toMatch(/^503 /);
  });

  it('leaves no listener open when the submission port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const taken = (blocker.address() as { port: number }).port;
      const failing = new SmtpMockServer({ store, submissionPort: taken });
      await expect(failing.listen()).rejects.toMatchObject({ code: 'EADDRINUSE', port: taken });
      expect(failing.addresses()).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
