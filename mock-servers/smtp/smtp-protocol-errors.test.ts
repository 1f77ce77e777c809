import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { SmtpMockServer } from './smtp-mock-server.ts';
import { RawSmtpClient } from './test-support/raw-smtp-client.ts';

/** Out-of-order and malformed commands get the RFC 5321 §4.3.2 replies; the server carries on. */
const NOW = new Date('2026-03-02T10:00:00Z');
let store: MailStore;
let server: SmtpMockServer;
let port: number;
let client: RawSmtpClient;

beforeEach(async () => {
  store = new MailStore({ clock: () => NOW });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  server = new SmtpMockServer({ store });
  port = (await server.listen()).port;
  client = (await RawSmtpClient.open(port)).client;
});
afterEach(async () => {
  client.close();
  await server.close();
});

const folder = (role: 'inbox' | 'junk') => store.requireAccount('sales@acme.test').requireFolderByRole(role).messages;

describe('SMTP sequence and syntax errors', () => {
  it('wants EHLO or HELO before MAIL (503)', async () => {
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^503 5\.5\.1 /);
  });

  it('answers RCPT before MAIL, DATA before RCPT and a second MAIL with 503', async () => {
    await client.send('EHLO client.test\r\n');
    expect(await client.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^503 /);
    expect(await client.send('DATA\r\n')).toMatch(/^503 /);
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^503 /);
    expect(await client.send('DATA\r\n')).toMatch(/^503 /);
  });

  it('answers a malformed address and an EHLO without a name with 501', async () => {
    expect(await client.send('EHLO\r\n')).toMatch(/^501 /);
    await client.send('EHLO client.test\r\n');
    expect(await client.send('MAIL FROM:jan\r\n')).toMatch(/^501 /);
    expect(await client.send('MAIL FROM:<jan@client.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<not an address>\r\n')).toMatch(/^501 /);
  });

  it('answers an unknown command with 500 and hangs up after ten (421)', async () => {
    for (let i = 1; i < 10; i++) expect(await client.send('XYZZY\r\n')).toMatch(/^500 5\.5\.2 /);
    expect(await client.send('XYZZY\r\n')).toMatch(/^421 /);
    const again = await RawSmtpClient.open(port);
    expect(again.greeting).toMatch(/^220 /);
    again.client.close();
  });

  it('keeps nothing of a transaction reset with RSET', async () => {
    await client.send('EHLO client.test\r\n');
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    expect(await client.send('RSET\r\n')).toMatch(/^250 /);
    expect(await client.send('DATA\r\n')).toMatch(/^503 /);
    expect(folder('inbox')).toHaveLength(0);
  });
});

describe('spam routing on the wire', () => {
  it('files a message whose header says X-Spam-Flag: YES in Spam, with its trace fields', async () => {
    await client.send('EHLO client.test\r\n');
    await client.send('MAIL FROM:<x@spam.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    await client.send('DATA\r\n');
    expect(await client.send('X-Spam-Flag: YES\r\nSubject: Win\r\n\r\n!\r\n.\r\n')).toMatch(/^250 /);
    expect(folder('inbox')).toHaveLength(0);
    expect(folder('junk')[0]!.raw.toString()).toMatch(/^Return-Path: <x@spam\.test>\r\nReceived: from client\.test .* with ESMTP id 1;[^\r]*\r\nX-Spam-Flag: YES\r\n/);
  });

  it('leaves the flag in the body alone: only the header counts', async () => {
    await client.send('EHLO client.test\r\n');
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    await client.send('DATA\r\n');
    await client.send('Subject: about spam\r\n\r\nX-Spam-Flag: YES\r\n.\r\n');
    expect(folder('inbox')).toHaveLength(1);
    expect(folder('junk')).toHaveLength(0);
  });
});
