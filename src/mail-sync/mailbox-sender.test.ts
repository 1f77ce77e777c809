import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headerValues, MockMailServer, type Account } from '../../mock-servers/index.ts';
import { MailboxSender } from './mailbox-sender.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;
let sales: Account;
let sender: MailboxSender;

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  sales = server.addAccount('sales@acme.test', 'secret');
  server.addAccount('boss@acme.test', 'secret2');
  await server.start();
  const { host, smtpPort, imapPort } = server.address;
  sender = new MailboxSender({ smtp: { host, port: smtpPort }, imap: { host, port: imapPort, user: 'sales@acme.test', password: 'secret' } });
});
afterEach(async () => {
  sender.close();
  await server.stop();
});

const offer = {
  from: '"Anna Nowak" <sales@acme.test>',
  to: ['"Jan Kowalski" <jan@client.test>'],
  cc: ['boss@acme.test'],
  subject: 'Our offer',
  text: 'Please find our offer.',
  messageId: '<crm.activity.1@acme.test>',
  date: NOW,
};

describe('MailboxSender over SMTP and IMAP', () => {
  it('R8.5 sends over SMTP as the mailbox: the outside recipient gets it, a local Cc gets it in INBOX', async () => {
    const result = await sender.send({ ...offer, sentFolder: 'Sent' });
    expect(result.smtp.accepted).toEqual(['jan@client.test', 'boss@acme.test']);
    const [out] = server.smtp.outbox.messages;
    expect(out?.recipients).toEqual(['jan@client.test']);
    expect(out?.mailFrom).toBe('sales@acme.test');
    expect(headerValues(out!.raw, 'Message-ID')).toEqual(['<crm.activity.1@acme.test>']);
    const boss = server.store.allAccounts.find((a) => a.address === 'boss@acme.test')!;
    expect(boss.requireFolderByRole('inbox').messages.map((m) => headerValues(m.raw, 'Subject'))).toEqual([['Our offer']]);
  });

  it('R8.5 files nothing when the SMTP server refuses the message', async () => {
    await expect(sender.send({ ...offer, to: ['nobody@acme.test'], cc: [] })).rejects.toThrow(/550/);
    expect(sales.requireFolderByRole('sent').messages).toEqual([]);
    expect(server.smtp.outbox.messages).toEqual([]);
  });

  it('R8.5 reports a Sent folder that cannot take the copy, after the mail has gone out', async () => {
    const result = await sender.send({ ...offer, sentFolder: 'No such folder' });
    expect(result.sentCopy.filed).toBe(false);
    expect(server.smtp.outbox.messages).toHaveLength(1);
    expect(sales.requireFolderByRole('sent').messages).toEqual([]);
  });
});

describe('MailboxSender: the copy in the Sent folder (IMAP APPEND)', () => {
  it('R8.5 files the very bytes it sent in the Sent folder, read, with IMAP APPEND', async () => {
    const result = await sender.send({ ...offer, sentFolder: 'Sent' });
    expect(result.smtp.accepted).toEqual(['jan@client.test', 'boss@acme.test']);
    expect(result.sentCopy).toMatchObject({ filed: true, folder: 'Sent' });
    const [copy, ...more] = sales.requireFolderByRole('sent').messages;
    expect(more).toEqual([]);
    expect(copy?.raw.equals(server.smtp.outbox.messages[0]!.raw.subarray(server.smtp.outbox.messages[0]!.raw.length - copy.raw.length))).toBe(true);
    expect(copy?.flags.has('\\Seen')).toBe(true);
    expect(copy?.internalDate).toEqual(NOW);
  });

  it('R8.5 finds the \\Sent folder itself when none is named', async () => {
    const result = await sender.send(offer);
    expect(result.sentCopy).toMatchObject({ filed: true, folder: 'Sent' });
    expect(sales.requireFolderByRole('sent').messages).toHaveLength(1);
  });
});
