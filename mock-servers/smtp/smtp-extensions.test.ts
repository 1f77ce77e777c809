import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { SmtpMockServer } from './smtp-mock-server.ts';
import { RawSmtpClient } from './test-support/raw-smtp-client.ts';

/** SIZE, the recipient limit, 8BITMIME and SMTPUTF8 on the inbound listener, line by line. */
const NOW = new Date('2026-03-02T10:00:00Z');
let store: MailStore;
let server: SmtpMockServer;
let client: RawSmtpClient;

beforeEach(async () => {
  store = new MailStore({ clock: () => NOW });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  store.createAccount({ address: 'józef@acme.test', password: 'secret' });
  server = new SmtpMockServer({ store, maxMessageSize: 1000, maxRecipients: 2 });
  const port = (await server.listen()).port;
  client = (await RawSmtpClient.open(port)).client;
  await client.send('EHLO client.test\r\n');
});
afterEach(async () => {
  client.close();
  await server.close();
});

const inbox = (address: string) => store.requireAccount(address).requireFolderByRole('inbox').messages;

/** DATA, the message with dot-stuffing left to the caller, and the final dot. */
async function data(message: string | Buffer): Promise<string> {
  expect(await client.send('DATA\r\n')).toMatch(/^354 /);
  return client.send(Buffer.concat([Buffer.from(message), Buffer.from('\r\n.\r\n')]));
}

describe('EHLO', () => {
  it('advertises SIZE with the limit, 8BITMIME, SMTPUTF8, PIPELINING, ENHANCEDSTATUSCODES and AUTH', async () => {
    const ehlo = await client.send('EHLO again.test\r\n');
    const keywords = ehlo.split('\r\n').slice(1).map((line) => line.slice(4)).filter(Boolean);
    expect(keywords).toEqual(expect.arrayContaining(['SIZE 1000', '8BITMIME', 'SMTPUTF8', 'PIPELINING', 'ENHANCEDSTATUSCODES', 'AUTH PLAIN LOGIN']));
    expect(keywords).not.toContain('STARTTLS');
  });
});

describe('SIZE (RFC 1870)', () => {
  it('refuses a declared size over the limit at MAIL FROM with 552 5.3.4', async () => {
    expect(await client.send('MAIL FROM:<jan@client.test> SIZE=1001\r\n')).toMatch(/^552 5\.3\.4 /);
    expect(await client.send('MAIL FROM:<jan@client.test> SIZE=1000\r\n')).toMatch(/^250 /);
  });

  it('refuses an oversized message after DATA with 552 5.3.4 and keeps nothing', async () => {
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    expect(await data(`Subject: big\r\n\r\n${'x'.repeat(1200)}`)).toMatch(/^552 5\.3\.4 /);
    expect(inbox('sales@acme.test')).toHaveLength(0);
    // The session goes on: the next transaction is accepted.
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    expect(await data('Subject: small\r\n\r\nok')).toMatch(/^250 /);
    expect(inbox('sales@acme.test')).toHaveLength(1);
  });
});

describe('recipient limit (RFC 5321 §4.5.3.1.10)', () => {
  it('answers 452 4.5.3 past the limit and delivers to the recipients accepted so far', async () => {
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await client.send('RCPT TO:<sales@acme.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<a@client.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<b@client.test>\r\n')).toMatch(/^452 4\.5\.3 /);
    // The same recipient again is no new one (smtp-server replaces it).
    expect(await client.send('RCPT TO:<a@client.test>\r\n')).toMatch(/^250 /);
    expect(await data('Subject: many\r\n\r\nhello')).toMatch(/^250 /);
    expect(inbox('sales@acme.test')).toHaveLength(1);
    expect(server.outbox.messages.map((m) => m.recipients)).toEqual([['a@client.test']]);
  });

  it('counts afresh in the next transaction', async () => {
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    await client.send('RCPT TO:<a@client.test>\r\n');
    await client.send('RCPT TO:<b@client.test>\r\n');
    await client.send('RSET\r\n');
    await client.send('MAIL FROM:<jan@client.test>\r\n');
    expect(await client.send('RCPT TO:<c@client.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<d@client.test>\r\n')).toMatch(/^250 /);
  });
});

describe('8BITMIME (RFC 6152)', () => {
  it('delivers an 8-bit body byte for byte', async () => {
    const body = Buffer.from('Subject: =?UTF-8?Q?Oferta?=\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nZażółć gęślą jaźń\r\n\xe9 latin1 byte', 'utf8');
    const latin1 = Buffer.from([0xe9]);
    const message = Buffer.concat([body, latin1]);
    expect(await client.send('MAIL FROM:<jan@client.test> BODY=8BITMIME\r\n')).toMatch(/^250 /);
    await client.send('RCPT TO:<sales@acme.test>\r\n');
    expect(await data(message)).toMatch(/^250 /);
    // The CRLF before the final dot ends the last line and belongs to the message (RFC 5321 §4.1.1.4).
    const expected = Buffer.concat([message, Buffer.from('\r\n')]);
    const stored = inbox('sales@acme.test')[0]!.raw;
    expect(stored.subarray(stored.length - expected.length)).toEqual(expected);
  });

  it('refuses an unknown BODY value with 501', async () => {
    expect(await client.send('MAIL FROM:<jan@client.test> BODY=BINARYMIME\r\n')).toMatch(/^501 /);
  });
});

describe('SMTPUTF8 (RFC 6531)', () => {
  it('accepts UTF-8 addresses and delivers UTF-8 headers intact, traced as UTF8SMTP', async () => {
    expect(await client.send('MAIL FROM:<zoë@klient.test> SMTPUTF8\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<józef@acme.test>\r\n')).toMatch(/^250 /);
    const message = 'From: Zoë <zoë@klient.test>\r\nTo: Józef <józef@acme.test>\r\nSubject: Zapytanie o ofertę\r\n\r\nDzień dobry';
    expect(await data(message)).toMatch(/^250 /);
    const raw = inbox('józef@acme.test')[0]!.raw.toString('utf8');
    expect(raw).toMatch(/^Return-Path: <zoë@klient\.test>\r\nReceived: from client\.test \(127\.0\.0\.1\) by mock-smtp\.local with UTF8SMTP id 1;/);
    expect(raw.endsWith(`${message}\r\n`)).toBe(true);
  });

  it('refuses a UTF-8 address without SMTPUTF8 on MAIL FROM with 553', async () => {
    expect(await client.send('MAIL FROM:<zoë@klient.test>\r\n')).toMatch(/^553 5\.1\.3 Non-ASCII address not permitted for that sender without SMTPUTF8/);
    expect(await client.send('MAIL FROM:<zoe@klient.test>\r\n')).toMatch(/^250 /);
    expect(await client.send('RCPT TO:<józef@acme.test>\r\n')).toMatch(/^553 .*for that recipient/);
  });

  it('refuses a value on the SMTPUTF8 keyword with 501', async () => {
    expect(await client.send('MAIL FROM:<zoe@klient.test> SMTPUTF8=yes\r\n')).toMatch(/^501 /);
  });
});
