import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawImapClient } from '../imap/test-support/raw-imap-client.ts';
import { MockMailServer } from '../mock-mail-server.ts';

/** Changes from another mail client reach an open session as RFC 3501 §7.4.1 allows. */
const USER = 'sales@acme.test';
let server: MockMailServer;
let client: RawImapClient;

beforeEach(async () => {
  server = new MockMailServer({ users: [{ address: USER, password: 'pw' }] });
  for (const n of [1, 2]) server.deliver(`Subject: ${n}\r\n\r\nx\r\n`, { to: USER });
  const { imapPort } = await server.start();
  client = (await RawImapClient.connect(imapPort)).client;
  await client.command('a1 LOGIN sales@acme.test pw');
  await client.command('a2 SELECT INBOX');
});
afterEach(async () => {
  client.destroy();
  await server.close();
});

describe('asAnotherClient', () => {
  it('announces flag changes and an expunge to a session at its next command', async () => {
    server.asAnotherClient.addFlags(USER, 'INBOX', 2, ['\\Flagged']);
    server.asAnotherClient.expunge(USER, 'INBOX', 1);
    expect(await client.command('a3 NOOP')).toEqual(['* 2 FETCH (FLAGS (\\Flagged \\Recent))', '* 1 EXPUNGE', 'a3 OK NOOP completed']);
    server.asAnotherClient.removeFlags(USER, 'INBOX', 2, ['\\Flagged']);
    server.asAnotherClient.setFlags(USER, 'INBOX', 2, ['\\Seen', '$Done']);
    // A new keyword comes with the mailbox's new FLAGS list first (RFC 3501 §7.2.6).
    expect(await client.command('a4 NOOP')).toContain('* 1 FETCH (FLAGS (\\Seen $Done \\Recent))');
    expect(server.messages(USER).map((m) => [m.uid, m.flags])).toEqual([[2, ['$Done', '\\Seen']]]);
  });

  it('moves a message and says its new UID', async () => {
    expect(server.asAnotherClient.move(USER, 'INBOX', 1, 'Trash')).toBe(1);
    expect(await client.command('a3 NOOP')).toEqual(['* 1 EXPUNGE', 'a3 OK NOOP completed']);
    expect(server.messages(USER, 'Trash').map((m) => m.subject)).toEqual(['1']);
  });

  it('ends a session whose selected folder got a new UIDVALIDITY with BYE', async () => {
    const before = server.folders(USER)[0]!.uidValidity;
    expect(server.asAnotherClient.bumpUidValidity(USER, 'INBOX')).toBeGreaterThan(before);
    expect(await client.waitForClose()).toEqual(['* BYE Mailbox UIDVALIDITY changed, have to disconnect']);
  });

  it('says what exists when the account, folder or UID is wrong', () => {
    expect(() => server.asAnotherClient.expunge('ghost@acme.test', 'INBOX', 1)).toThrow(/No account ghost@acme\.test.*accounts: sales@acme\.test/);
    expect(() => server.asAnotherClient.expunge(USER, 'Archive', 1)).toThrow(/has no folder "Archive"; folders: INBOX, Sent, Spam, Trash, Drafts/);
    expect(() => server.asAnotherClient.expunge(USER, 'INBOX', 9)).toThrow(/"INBOX" has no UID 9; UIDs: 1, 2/);
  });
});
