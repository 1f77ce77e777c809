import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { SmtpMockServer } from './smtp-mock-server.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let store: MailStore;
let server: SmtpMockServer;
let port: number;

beforeEach(async () => {
  store = new MailStore({ clock: () => NOW });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  server = new SmtpMockServer({ store, maxMessageSize: 2000 });
  port = (await server.listen()).port;
});
afterEach(() => server.close());

const transport = (auth?: { user: string; pass: string }) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth });

describe('SmtpMockServer delivery', () => {
  it('listens on an ephemeral loopback port', () => {
    expect(port).toBeGreaterThan(0);
  });

  it('files mail for a local account in its INBOX with trace fields and the clock time', async () => {
    const info = await transport().sendMail({ from: 'Jan <jan@client.test>', to: 'sales@acme.test', subject: 'Offer', text: 'Hello' });
    expect(info.accepted).toEqual(['sales@acme.test']);
    const inbox = store.requireAccount('sales@acme.test').requireFolderByRole('inbox');
    expect(inbox.messages).toHaveLength(1);
    const raw = inbox.messages[0]!.raw.toString();
    expect(raw).toMatch(/^Return-Path: <jan@client\.test>\r\nReceived: from .+ by mock-smtp\.local with ESMTP id 1; Mon, 02 Mar 2026 10:00:00 \+0000\r\n/);
    expect(raw).toContain('Subject: Offer');
    expect(inbox.messages[0]!.internalDate).toEqual(NOW);
  });

  it('files a message marked X-Spam-Flag: YES in the Spam folder, not INBOX', async () => {
    await transport().sendMail({ from: 'x@spam.test', to: 'sales@acme.test', subject: 'Win', text: '!', headers: { 'X-Spam-Flag': 'YES' } });
    const account = store.requireAccount('sales@acme.test');
    expect(account.requireFolderByRole('inbox').messages).toHaveLength(0);
    expect(account.requireFolderByRole('junk').messages).toHaveLength(1);
  });

  it('refuses an unknown user of a local domain with 550 5.1.1 and stores nothing', async () => {
    await expect(transport().sendMail({ from: 'jan@client.test', to: 'nobody@acme.test', subject: 'x', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 550, response: expect.stringMatching(/^550 5\.1\.1 /) });
    expect(store.allAccounts.flatMap((a) => a.folders).flatMap((f) => f.messages)).toHaveLength(0);
  });

  it('keeps mail for other domains in the outbox, once for all remote recipients', async () => {
    const waiting = server.outbox.waitFor((m) => m.recipients.includes('b@client.test'));
    await transport({ user: 'sales@acme.test', pass: 'secret' })
      .sendMail({ from: 'sales@acme.test', to: ['a@client.test', 'b@client.test', 'sales@acme.test'], subject: 'Hi', text: 'x' });
    const sent = await waiting;
    expect(sent.recipients).toEqual(['a@client.test', 'b@client.test']);
    expect(sent.mailFrom).toBe('sales@acme.test');
    expect(sent.raw.toString()).toContain('with ESMTPA id 1');
    expect(server.outbox.messages).toHaveLength(1);
    expect(store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages).toHaveLength(1);
  });

  it('rejects wrong credentials with 535', async () => {
    await expect(transport({ user: 'sales@acme.test', pass: 'wrong' }).sendMail({ from: 'sales@acme.test', to: 'a@client.test', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 535 });
    expect(server.outbox.messages).toHaveLength(0);
  });

  it('rejects a message over the size limit with 552 and keeps nothing', async () => {
    await expect(transport().sendMail({ from: 'jan@client.test', to: 'sales@acme.test', text: 'x'.repeat(5000) }))
      .rejects.toMatchObject({ responseCode: 552 });
    expect(store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages).toHaveLength(0);
  });

  it('tells delivery listeners where each copy went', async () => {
    const events: unknown[] = [];
    server.onDelivery((e) => events.push(e));
    await transport().sendMail({ from: 'jan@client.test', to: 'sales@acme.test', text: 'x' });
    expect(events).toEqual([{ mailFrom: 'jan@client.test', recipients: ['sales@acme.test'], local: [{ account: 'sales@acme.test', folder: 'INBOX', uid: 1 }], remote: [] }]);
  });
});

/** Sends raw lines one at a time, each after the previous reply, and collects the replies. */
async function rawSession(lines: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  const replies: string[] = [];
  let buffer = '';
  let pending: ((reply: string) => void) | undefined;
  socket.on('data', (chunk) => {
    buffer += chunk.toString('latin1');
    // A reply is complete at a line whose code is followed by a space (RFC 5321 §4.2.1).
    const match = buffer.match(/(^|\r\n)\d{3} [^\r\n]*\r\n$/);
    if (match && pending) {
      const reply = buffer;
      buffer = '';
      const resolve = pending;
      pending = undefined;
      resolve(reply);
    }
  });
  const next = () => new Promise<string>((resolve) => { pending = resolve; });
  replies.push(await next());
  for (const line of lines) {
    const reply = next();
    socket.write(line);
    replies.push(await reply);
  }
  socket.destroy();
  return replies;
}

describe('SmtpMockServer on the wire', () => {
  it('greets, answers garbage with an error and keeps serving', async () => {
    const replies = await rawSession(['\x00\xff garbage\r\n', 'EHLO client.test\r\n', 'QUIT\r\n']);
    expect(replies[0]).toMatch(/^220 mock-smtp\.local .*Mock SMTP server ready/);
    expect(replies[1]).toMatch(/^5\d\d /);
    expect(replies[2]).toMatch(/250[- ]ENHANCEDSTATUSCODES/);
    expect(replies[2]).not.toMatch(/STARTTLS/);
    expect(replies[3]).toMatch(/^221 /);
    const again = await rawSession(['NOOP\r\n']);
    expect(again[1]).toMatch(/^250 /);
  });
});
