import type { FetchMessageObject } from 'imapflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, parseFault } from '../../mock-servers/index.ts';
import { endImapClient, openImapClient } from './imap-client.ts';
import { fetchEach } from './streamed-fetch.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
let server: MockMailServer;

const account = () => ({ host: server.address.host, port: server.address.imapPort, user: 'sales@acme.test', password: 'secret' });
const nextTurns = async (turns: number) => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
};

beforeEach(async () => {
  server = new MockMailServer({ clock: () => NOW });
  const owner = server.addAccount('sales@acme.test', 'secret');
  await server.start();
  for (let n = 1; n <= 30; n++) server.store.deliver(owner, owner.requireFolderByRole('inbox'), Buffer.from(`Subject: ${n}\r\nMessage-ID: <${n}@x>\r\n\r\nHi\r\n`));
});
afterEach(() => server.stop());

describe('fetchEach: UID FETCH streamed message by message', () => {
  it('relies on imapflow streaming FETCH responses through run(); if this fails, see src/mail-sync/streamed-fetch.ts', async () => {
    const client = await openImapClient(account(), 'test');
    try {
      expect(typeof (client as unknown as { run?: unknown }).run).toBe('function');
    } finally {
      await endImapClient(client);
    }
  });

  it('hands over every message in order, also when handing over is slower than the server sends', async () => {
    const client = await openImapClient(account(), 'test');
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const uids: number[] = [];
      await fetchEach(client, '1:30', { uid: true, source: true }, async (message: FetchMessageObject) => {
        await nextTurns(3);
        uids.push(message.uid);
      });
      expect(uids).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      await endImapClient(client);
    }
  });

  it('hands over what arrived before the connection was cut, then reports the cut', async () => {
    server.faults.add(parseFault('drop-mid-fetch:after=5,nth=1'));
    const client = await openImapClient(account(), 'test');
    await client.mailboxOpen('INBOX', { readOnly: true });
    const uids: number[] = [];
    const fetching = fetchEach(client, '1:30', { uid: true, source: true }, async (message: FetchMessageObject) => {
      await nextTurns(5);
      uids.push(message.uid);
    });
    await expect(fetching).rejects.toThrow();
    expect(uids).toEqual([1, 2, 3, 4, 5]);
    expect(client.usable).toBe(false);
    await endImapClient(client);
  });
});
