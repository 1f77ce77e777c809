import { afterEach, beforeEach, expect } from 'vitest';
import { MailStore, type Account, type Folder } from '../../store/index.ts';
import { ImapServer, type ImapLimits } from '../imap-server.ts';
import type { TranscriptEntry } from '../transcript.ts';
import { RawImapClient } from './raw-imap-client.ts';

export const FIXED_DATE = new Date('2026-03-02T10:00:00Z');
export const USER = 'sales@acme.test';
export const PASSWORD = 's3cret pass';

/** Two messages: a plain one from a quoted display name, and a multipart one already \Seen. */
export const FIRST_MESSAGE = [
  'Date: Mon, 2 Mar 2026 09:59:00 +0100',
  'From: "Doe, John" <john@customer.test>',
  'To: Sales <sales@acme.test>, b@acme.test',
  'Cc: =?UTF-8?Q?J=C3=B6rg?= <joerg@customer.test>',
  'Subject: Price list',
  'Message-ID: <m1@customer.test>',
  '',
  'Hello, please send the "price" list.',
  '',
].join('\r\n');

export const SECOND_MESSAGE = [
  'Date: Tue, 3 Mar 2026 08:00:00 +0000',
  'From: Ann <ann@other.test>',
  'Reply-To: support@other.test',
  'To: sales@acme.test',
  'Subject: Re: Invoice',
  'In-Reply-To: <m0@acme.test>',
  'Message-ID: <m2@other.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'See attached.',
  '--b1',
  'Content-Type: application/pdf; name="invoice.pdf"',
  'Content-Disposition: attachment; filename="invoice.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0=',
  '--b1--',
  '',
].join('\r\n');

export interface Harness {
  readonly store: MailStore;
  readonly server: ImapServer;
  readonly account: Account;
  readonly inbox: Folder;
  readonly port: number;
  readonly transcript: TranscriptEntry[];
  readonly internalErrors: unknown[];
  /** A raw client, connected; closed by close(). */
  client(): Promise<{ client: RawImapClient; greeting: string }>;
  /** A raw client that has logged in (and selected INBOX when asked). */
  loggedIn(select?: 'SELECT' | 'EXAMINE'): Promise<RawImapClient>;
  deliver(raw: string, flags?: string[]): void;
  close(): Promise<void>;
}

/** A store with one account and the two messages above, behind a listening server. */
export async function startHarness(limits?: Partial<ImapLimits>): Promise<Harness> {
  const store = new MailStore({ clock: () => FIXED_DATE, firstUidValidity: 1000 });
  const account = store.createAccount({ address: USER, password: PASSWORD });
  const inbox = account.requireFolderByRole('inbox');
  store.deliver(account, inbox, Buffer.from(FIRST_MESSAGE));
  store.deliver(account, inbox, Buffer.from(SECOND_MESSAGE), { flags: ['\\Seen'] });
  // As if a mail client had already opened INBOX: the two are no longer \Recent (RFC 3501 §2.3.2).
  for (const message of inbox.messages) inbox.claimRecent(message);
  const transcript: TranscriptEntry[] = [];
  const internalErrors: unknown[] = [];
  const server = new ImapServer({
    store,
    onLine: (entry) => transcript.push(entry),
    onInternalError: (error) => internalErrors.push(error),
    ...(limits ? { limits } : {}),
  });
  const { port } = await server.listen();
  const clients: RawImapClient[] = [];
  const client = async () => {
    const connected = await RawImapClient.connect(port);
    clients.push(connected.client);
    return connected;
  };
  return {
    store,
    server,
    account,
    inbox,
    port,
    transcript,
    internalErrors,
    client,
    async loggedIn(select) {
      const { client: raw } = await client();
      await raw.command(`l1 LOGIN ${USER} "${PASSWORD}"`);
      if (select) await raw.command(`s1 ${select} INBOX`);
      return raw;
    },
    deliver(raw, flags) {
      store.deliver(account, inbox, Buffer.from(raw), flags ? { flags } : {});
    },
    async close() {
      for (const raw of clients) raw.destroy();
      await server.close();
    },
  };
}

/**
 * Registers a fresh harness around every test of the calling file and returns its accessor.
 * After each test the harness closes, and the test fails if the server reported a bug.
 */
export function useHarness(): () => Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness();
  });
  afterEach(async () => {
    await current?.close();
    expect(current?.internalErrors).toEqual([]);
  });
  return () => {
    if (!current) throw new Error('The harness is only available inside a test');
    return current;
  };
}
