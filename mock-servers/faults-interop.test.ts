import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from './mock-mail-server.ts';

/** The clients the CRM uses, nodemailer and imapflow, meeting scripted faults as they would meet a real server's. */
const USER = 'sales@acme.test';
let now = Date.parse('2026-03-02T09:00:00Z');
let server: MockMailServer;
const imapClients: ImapFlow[] = [];

beforeEach(async () => {
  now = Date.parse('2026-03-02T09:00:00Z');
  server = new MockMailServer({ clock: () => new Date(now), users: [{ address: USER, password: 'secret' }, { address: 'office@acme.test', password: 'secret' }] });
  await server.start();
});
afterEach(async () => {
  for (const client of imapClients.splice(0)) client.close();
  await server.close();
});

const transport = (pool = false) => nodemailer.createTransport({ host: '127.0.0.1', port: server.address.smtpPort, ignoreTLS: true, pool });
const mail = (subject: string, to: string | string[] = USER) => ({ from: 'jan@client.test', to, subject, text: 'Hello' });

function imap(): ImapFlow {
  const client = new ImapFlow({ host: '127.0.0.1', port: server.address.imapPort, secure: false, auth: { user: USER, pass: 'secret' }, logger: false });
  client.on('error', () => undefined);
  imapClients.push(client);
  return client;
}

describe('nodemailer', () => {
  it('is told 451 by a greylisting server and gets through on a retry after the delay', async () => {
    server.faults.add({ kind: 'greylist', retryAfterMs: 5 * 60_000 });
    const error = await transport().sendMail(mail('Offer')).then(() => undefined, (e: unknown) => e as { responseCode?: number; response?: string });
    expect(error).toMatchObject({ responseCode: 451, response: expect.stringMatching(/^451 4\.7\.1 <sales@acme\.test>: Recipient address rejected: Greylisted/) });
    now += 5 * 60_000;
    const info = await transport().sendMail(mail('Offer'));
    expect(info.accepted).toEqual([USER]);
    expect((await server.waitForMessages({ match: { subject: 'Offer' } })).map((m) => m.account)).toEqual([USER]);
  });

  it('reports a refused recipient in its result while the others get the message', async () => {
    server.faults.add({ kind: 'refuse-recipient', address: 'office@acme.test', code: 550 });
    const info = await transport().sendMail(mail('Two recipients', [USER, 'office@acme.test']));
    expect(info.accepted).toEqual([USER]);
    expect(info.rejected).toEqual(['office@acme.test']);
    expect(server.messages('office@acme.test')).toEqual([]);
  });

  it('over a pooled connection, meets 421 once the throttle is reached', async () => {
    server.faults.add({ kind: 'throttle', afterMessages: 1 });
    const pooled = transport(true);
    try {
      await pooled.sendMail(mail('First'));
      await expect(pooled.sendMail(mail('Second'))).rejects.toMatchObject({ responseCode: 421 });
    } finally {
      pooled.close();
    }
    expect(server.messages(USER).map((m) => m.subject)).toEqual(['First']);
  });

  it('fails cleanly when the server drops the connection mid-transaction', async () => {
    server.faults.add({ kind: 'drop-after-commands', protocol: 'smtp', commands: 2 });
    await expect(transport().sendMail(mail('Dropped'))).rejects.toThrow();
    expect(server.messages(USER)).toEqual([]);
  });
});

describe('imapflow', () => {
  beforeEach(() => {
    for (const n of [1, 2, 3]) server.deliver(`From: jan@client.test\r\nSubject: Message ${n}\r\n\r\nBody ${n}\r\n`, { to: USER });
  });

  it('loses the connection in the middle of a FETCH, and a new connection fetches everything', async () => {
    server.faults.add({ kind: 'drop-mid-fetch', afterResponses: 1, nth: 1 });
    const client = imap();
    await client.connect();
    await client.mailboxOpen('INBOX');
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const seen: number[] = [];
    const fetching = (async () => {
      for await (const message of client.fetch('1:*', { uid: true, source: true })) seen.push(message.uid);
    })();
    await expect(fetching).rejects.toThrow();
    await closed;
    expect(seen.length).toBeLessThanOrEqual(1);

    const again = imap();
    await again.connect();
    await again.mailboxOpen('INBOX');
    const uids: number[] = [];
    for await (const message of again.fetch('1:*', { uid: true })) uids.push(message.uid);
    expect(uids).toEqual([1, 2, 3]);
    await again.logout();
  });

  it('sees a scripted NO on SELECT as a failed mailboxOpen', async () => {
    server.faults.add({ kind: 'fail-command', command: 'SELECT', status: 'NO', text: 'Mailbox is locked', nth: 1 });
    const client = imap();
    await client.connect();
    await expect(client.mailboxOpen('INBOX')).rejects.toThrow();
    expect((await client.mailboxOpen('INBOX')).exists).toBe(3);
    await client.logout();
  });

  it('cannot log in when the server hangs up at the first command', async () => {
    server.faults.add({ kind: 'drop-after-commands', protocol: 'imap', commands: 0 });
    await expect(imap().connect()).rejects.toThrow();
  });
});
