import { afterEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { resolveTls } from '../tls/index.ts';
import { SmtpMockServer, type SmtpMockServerOptions } from './smtp-mock-server.ts';
import { RawSmtpClient } from './test-support/raw-smtp-client.ts';

/** STARTTLS (RFC 3207) and implicit TLS (RFC 8314) on the SMTP listeners, line by line. */
const NOW = new Date('2026-03-02T10:00:00Z');
const TLS = resolveTls(true);
let server: SmtpMockServer | undefined;
const clients: RawSmtpClient[] = [];

async function start(options: Partial<SmtpMockServerOptions> = {}): Promise<{ store: MailStore; server: SmtpMockServer }> {
  const store = new MailStore({ clock: () => NOW });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  server = new SmtpMockServer({ store, tls: TLS, ...options });
  await server.listen();
  return { store, server };
}

async function open(kind: 'inbound' | 'submission' | 'implicit-tls'): Promise<{ client: RawSmtpClient; greeting: string }> {
  const address = server!.addresses().find((a) => a.kind === kind)!;
  const opened = await RawSmtpClient.open(address.port, { implicitTls: kind === 'implicit-tls' });
  clients.push(opened.client);
  return opened;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

const plainAuth = `AUTH PLAIN ${Buffer.from('\0sales@acme.test\0secret').toString('base64')}\r\n`;
const keywords = (ehlo: string) => ehlo.split('\r\n').slice(1).map((line) => line.slice(4)).filter(Boolean);

describe('STARTTLS', () => {
  it('is offered before TLS and not after; the handshake verifies against the shipped certificate', async () => {
    await start();
    const { client } = await open('inbound');
    expect(keywords(await client.send('EHLO client.test\r\n'))).toContain('STARTTLS');
    expect(await client.startTls()).toMatch(/^220 /);
    expect(client.encrypted).toBe(true);
    const after = keywords(await client.send('EHLO client.test\r\n'));
    expect(after).not.toContain('STARTTLS');
    expect(after).toEqual(expect.arrayContaining(['8BITMIME', 'SMTPUTF8', 'AUTH PLAIN LOGIN']));
    expect(after).not.toContain('REQUIRETLS');
    expect(await client.send('STARTTLS\r\n')).toMatch(/^503 /);
  });

  it('forgets the plaintext EHLO: MAIL right after the handshake needs a new EHLO (RFC 3207 §4.2)', async () => {
    await start();
    const { client } = await open('inbound');
    await client.send('EHLO client.test\r\n');
    await client.startTls();
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^503 /);
  });

  it('does not run commands pipelined in plaintext behind STARTTLS', async () => {
    const { store } = await start();
    const { client } = await open('inbound');
    await client.send('EHLO client.test\r\n');
    // An attacker on the path appends commands to the client's STARTTLS (CVE-2011-0411).
    expect(await client.send('STARTTLS\r\nMAIL FROM:<evil@attacker.test>\r\nRCPT TO:<sales@acme.test>\r\n')).toMatch(/^220 /);
    // Nothing else must follow the 220 in plaintext; the TLS session starts clean.
    await client.startTlsAfter220();
    await client.send('EHLO client.test\r\n');
    expect(await client.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^503 /);
    expect(store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages).toHaveLength(0);
  });

  it('traces mail received over TLS as ESMTPS with the protocol and cipher', async () => {
    const { store } = await start();
    const { client } = await open('inbound');
    await client.send('EHLO client.test\r\n');
    await client.startTls();
    await client.send('EHLO client.test\r\n');
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    await client.send('DATA\r\n');
    expect(await client.send('Subject: tls\r\n\r\nhello\r\n.\r\n')).toMatch(/^250 /);
    const raw = store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages[0]!.raw.toString();
    expect(raw).toMatch(/^Return-Path: <jan@client\.test>\r\nReceived: from client\.test \(127\.0\.0\.1\) \(using TLSv1\.3 with cipher TLS_\w+\) by mock-smtp\.local with ESMTPS id 1;/);
  });
});

describe('requireTls', () => {
  it('refuses AUTH before STARTTLS with 538 and accepts it after, as ESMTPSA', async () => {
    const { store } = await start({ requireTls: true, submissionPort: 0 });
    const { client } = await open('submission');
    await client.send('EHLO client.test\r\n');
    expect(await client.send(plainAuth)).toMatch(/^538 .*STARTTLS/);
    expect(await client.send('MAIL FROM:<sales@acme.test>\r\n')).toMatch(/^530 5\.7\.0 /);
    await client.startTls();
    await client.send('EHLO client.test\r\n');
    expect(await client.send(plainAuth)).toMatch(/^235 /);
    await client.send('MAIL FROM:<sales@acme.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    await client.send('DATA\r\n');
    await client.send('Subject: x\r\n\r\nx\r\n.\r\n');
    expect(store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages[0]!.raw.toString()).toMatch(/ with ESMTPSA id 1;/);
  });

  it('still takes unauthenticated mail in plaintext on the inbound listener (RFC 3207 §4: an MX must not require TLS)', async () => {
    await start({ requireTls: true });
    const { client } = await open('inbound');
    await client.send('EHLO client.test\r\n');
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^250 /);
  });

  it('is refused without a certificate, before anything listens', () => {
    const store = new MailStore({ clock: () => NOW });
    expect(() => new SmtpMockServer({ store, requireTls: true })).toThrow(/requireTls needs a TLS key and certificate/);
    expect(() => new SmtpMockServer({ store, implicitTlsPort: 0 })).toThrow(/implicit TLS listener needs/);
  });
});

describe('implicit TLS listener', () => {
  it('greets over TLS, offers no STARTTLS and requires AUTH', async () => {
    const { store } = await start({ implicitTlsPort: 0 });
    expect(server!.addresses().map((a) => [a.kind, a.tls, a.authRequired])).toEqual([['inbound', 'starttls', false], ['implicit-tls', 'implicit', true]]);
    const { client, greeting } = await open('implicit-tls');
    expect(client.encrypted).toBe(true);
    expect(greeting).toMatch(/^220 mock-smtp\.local /);
    expect(keywords(await client.send('EHLO client.test\r\n'))).not.toContain('STARTTLS');
    expect(await client.send('MAIL FROM:<sales@acme.test>\r\n')).toMatch(/^530 5\.7\.0 /);
    expect(await client.send(plainAuth)).toMatch(/^235 /);
    await client.send('MAIL FROM:<sales@acme.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    await client.send('DATA\r\n');
    expect(await client.send('Subject: x\r\n\r\nx\r\n.\r\n')).toMatch(/^250 /);
    expect(store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages[0]!.raw.toString()).toMatch(/ with ESMTPSA id 1;/);
  });

  it('survives a client that speaks plaintext to it', async () => {
    await start({ implicitTlsPort: 0 });
    const port = server!.addresses().find((a) => a.kind === 'implicit-tls')!.port;
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('EHLO plain.test\r\n'));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    const { greeting } = await open('implicit-tls');
    expect(greeting).toMatch(/^220 /);
  });
});
