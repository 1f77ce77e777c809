import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, type Account } from '../../mock-servers/index.ts';
import { FUTURE_DATE_TOLERANCE_MS, MailboxSync, type SyncedMessage } from './mailbox-sync.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;
let account: Account;

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  account = server.addAccount('sales@acme.test', 'secret');
  await server.start();
});
afterEach(() => server.stop());

async function syncAll(): Promise<{ received: SyncedMessage[]; failures: unknown[] }> {
  const received: SyncedMessage[] = [];
  const sync = new MailboxSync(
    { host: server.address.host, port: server.address.imapPort, user: 'sales@acme.test', password: 'secret' },
    { registerFolders: () => undefined, foldersToSync: () => ['INBOX'], receive: (m) => void received.push(m) },
  );
  const report = await sync.syncOnce();
  return { received, failures: report.failures };
}

const deliver = (raw: string | Buffer) => server.store.deliver(account, account.requireFolderByRole('inbox'), Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
const good = (subject: string) => `From: jan@client.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@client.test>\r\nDate: Mon, 02 Mar 2026 09:00:00 +0000\r\n\r\nHi\r\n`;

describe('MailboxSync with malformed mail: never stops at a message, hands every one over', () => {
  it('hands over an unparsable message with its size and digest, and the messages after it', async () => {
    const huge = `From: jan@client.test\r\nSubject: Huge header\r\n${Array.from({ length: 20_000 }, (_, i) => `X-Pad-${i}: ${'x'.repeat(60)}`).join('\r\n')}\r\n\r\nHi\r\n`;
    deliver(good('Before'));
    deliver(huge);
    deliver(Buffer.alloc(0));
    deliver(good('After'));
    const { received, failures } = await syncAll();
    expect(failures).toEqual([]);
    expect(received.map((m) => m.subject)).toEqual(['Before', 'Huge header', '', 'After']);
    const unreadable = received[1]!;
    expect(unreadable.readingProblems.map((p) => p.code)).toContain('unparsable');
    expect(unreadable.size).toBe(Buffer.byteLength(huge));
    expect(unreadable.contentDigest).toBe(createHash('sha256').update(huge).digest('hex'));
    expect(received[2]).toMatchObject({ size: 0, from: [] });
  });

  it('R5.1: a Date further ahead of INTERNALDATE than the tolerance is dropped and named; a little ahead is kept', async () => {
    const dated = (subject: string, date: Date) => `From: jan@client.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@x>\r\nDate: ${date.toUTCString()}\r\n\r\nHi\r\n`;
    deliver(dated('Far future', new Date('2031-01-01T00:00:00Z')));
    deliver(dated('Clock skew', new Date(NOW.getTime() + FUTURE_DATE_TOLERANCE_MS - 60_000)));
    const { received } = await syncAll();
    expect(received[0]!.date).toBeUndefined();
    expect(received[0]!.readingProblems).toEqual([{ code: 'date-in-future', detail: '2031-01-01T00:00:00.000Z' }]);
    expect(received[0]!.receivedAt).toEqual(NOW);
    expect(received[1]!.date).toEqual(new Date(NOW.getTime() + FUTURE_DATE_TOLERANCE_MS - 60_000));
    expect(received[1]!.readingProblems).toEqual([]);
  });
});
