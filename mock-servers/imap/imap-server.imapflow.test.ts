import { ImapFlow } from 'imapflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_MESSAGE, FIXED_DATE, PASSWORD, SECOND_MESSAGE, startHarness, USER, type Harness } from './test-support/fixtures.ts';

let harness: Harness;
let client: ImapFlow;
beforeEach(async () => {
  harness = await startHarness();
  client = new ImapFlow({ host: '127.0.0.1', port: harness.port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
});
afterEach(async () => {
  client.close();
  await harness.close();
  expect(harness.internalErrors).toEqual([]);
});

describe('IMAP server with the imapflow client', () => {
  it('connects, lists, opens INBOX, fetches, searches, reads status and logs out', async () => {
    await client.connect();
    const folders = await client.list();
    expect(folders.map((folder) => [folder.path, folder.specialUse ?? null])).toEqual([
      ['INBOX', '\\Inbox'],
      ['Sent', '\\Sent'],
      ['Drafts', '\\Drafts'],
      ['Spam', '\\Junk'],
      ['Trash', '\\Trash'],
    ]);
    const mailbox = await client.mailboxOpen('INBOX');
    expect([mailbox.exists, Number(mailbox.uidValidity), mailbox.uidNext, mailbox.readOnly]).toEqual([2, 1000, 3, false]);

    const messages = [];
    for await (const message of client.fetch('1:*', { uid: true, flags: true, internalDate: true, size: true, envelope: true, source: true })) messages.push(message);
    expect(messages.map((m) => [m.seq, m.uid, [...(m.flags ?? [])], m.size, m.source?.toString()])).toEqual([
      [1, 1, [], Buffer.byteLength(FIRST_MESSAGE), FIRST_MESSAGE],
      [2, 2, ['\\Seen'], Buffer.byteLength(SECOND_MESSAGE), SECOND_MESSAGE],
    ]);
    expect(new Date(messages[0]?.internalDate ?? 0).toISOString()).toBe(FIXED_DATE.toISOString());
    expect(messages[0]?.envelope).toMatchObject({
      subject: 'Price list',
      messageId: '<m1@customer.test>',
      from: [{ name: 'Doe, John', address: 'john@customer.test' }],
      to: [{ name: 'Sales', address: 'sales@acme.test' }, { address: 'b@acme.test' }],
      cc: [{ name: 'Jörg', address: 'joerg@customer.test' }],
    });
    expect(messages[1]?.envelope).toMatchObject({ inReplyTo: '<m0@acme.test>', replyTo: [{ address: 'support@other.test' }] });

    const byUid = [];
    for await (const message of client.fetch('2:*', { uid: true, flags: true }, { uid: true })) byUid.push([message.uid, [...(message.flags ?? [])]]);
    expect(byUid).toEqual([[2, ['\\Seen']]]);

    expect(await client.search({ seen: false }, { uid: true })).toEqual([1]);
    expect(await client.search({ from: 'Jörg' })).toEqual([]);
    expect(await client.search({ cc: 'Jörg' })).toEqual([1]);
    expect(await client.search({ since: new Date('2026-03-02T00:00:00Z'), header: { 'message-id': 'm2@' } }, { uid: true })).toEqual([2]);

    expect(await client.status('INBOX', { messages: true, uidNext: true, uidValidity: true, unseen: true })).toMatchObject({
      path: 'INBOX',
      messages: 2,
      uidNext: 3,
      uidValidity: 1000n,
      unseen: 1,
    });
    await client.logout();
  });

  it('reads without marking as seen in a read-only mailbox, and changes flags in a read-write one', async () => {
    await client.connect();
    await client.mailboxOpen('INBOX', { readOnly: true });
    const message = await client.fetchOne('1', { source: true, bodyStructure: true, headers: ['subject'] });
    expect(message && message.headers?.toString()).toBe('Subject: Price list\r\n\r\n');
    expect(message && message.bodyStructure).toMatchObject({ type: 'text/plain', parameters: { charset: 'us-ascii' } });
    expect(harness.inbox.messages[0]?.flags.has('\\Seen')).toBe(false);
    await client.mailboxClose();

    await client.mailboxOpen('INBOX');
    expect(await client.messageFlagsAdd('1', ['\\Seen', '$Done'])).toBe(true);
    expect([...(harness.inbox.messages[0]?.flags ?? [])]).toEqual(['\\Seen', '$Done']);
    const second = await client.fetchOne('2', { bodyStructure: true });
    expect(second && second.bodyStructure?.childNodes?.map((node) => [node.part, node.type, node.dispositionParameters?.filename])).toEqual([
      ['1', 'text/plain', undefined],
      ['2', 'application/pdf', 'invoice.pdf'],
    ]);
    const { content } = await client.download('2', '2');
    if (!content) throw new Error('no content for part 2');
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('latin1')).toBe('%PDF-');
    await client.logout();
  });

  it('hears of new mail while idling', async () => {
    await client.connect();
    await client.mailboxOpen('INBOX');
    const heard = new Promise<number>((resolve) => client.on('exists', (event: { count: number }) => resolve(event.count)));
    const idling = client.idle();
    harness.deliver('Subject: pushed\r\n\r\nhi\r\n');
    expect(await heard).toBe(3);
    await client.logout();
    await idling.catch(() => undefined);
  });
});
