import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RawImapClient } from './imap/test-support/raw-imap-client.ts';
import { MockMailServer } from './mock-mail-server.ts';

/** snapshot() and restore(): the store comes back whole, and clients that held the old one start again. */
const USERS = ['a@acme.test', 'b@acme.test'] as const;
let server: MockMailServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const raw = (n: number) => `From: x@client.test\r\nTo: a@acme.test\r\nSubject: S${n}\r\n\r\nBody ${n}\r\n`;

/** What a client can observe: every folder with its UID state and every message with its flags and octets. */
function observable(s: MockMailServer) {
  return {
    accounts: s.store.allAccounts.map((account) => ({
      address: account.address,
      subscriptions: [...account.subscriptions].sort(),
      folders: s.folders(account.address).map((folder) => ({
        ...folder,
        recent: account.folder(folder.name)!.recentCount,
        messages: s.messages(account.address, folder.name).map((m) => ({ uid: m.uid, flags: m.flags, raw: m.raw.toString('base64'), internalDate: m.internalDate.toISOString() })),
      })),
    })),
    outbox: s.smtp.outbox.messages.map((m) => m.id),
  };
}

type Operation = (s: MockMailServer) => void;
const user = fc.constantFrom(...USERS);
const folderName = fc.constantFrom('INBOX', 'Sent', 'Trash', 'Work', 'Work/Old');
/** The first message of a folder, if any: operations that need one do nothing on an empty folder. */
const firstUid = (s: MockMailServer, address: string, folder: string) => s.store.account(address)?.folder(folder)?.messages[0]?.uid;

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.tuple(user, fc.nat(99), fc.constantFrom('INBOX', 'Sent', 'Trash')).map(([address, n, folder]): Operation => (s) => void s.deliver(raw(n), { to: address, folder })),
  fc.tuple(user, folderName, fc.constantFrom('\\Seen', '\\Flagged', '$Label1')).map(([address, folder, flag]): Operation => (s) => {
    const uid = firstUid(s, address, folder);
    if (uid !== undefined) s.asAnotherClient.addFlags(address, folder, uid, [flag]);
  }),
  fc.tuple(user, folderName).map(([address, folder]): Operation => (s) => {
    const uid = firstUid(s, address, folder);
    if (uid !== undefined) s.asAnotherClient.expunge(address, folder, uid);
  }),
  fc.tuple(user, folderName).map(([address, folder]): Operation => (s) => {
    const uid = firstUid(s, address, folder);
    if (uid !== undefined && folder !== 'Trash') s.asAnotherClient.move(address, folder, uid, 'Trash');
  }),
  fc.tuple(user, fc.constantFrom('INBOX', 'Sent', 'Trash')).map(([address, folder]): Operation => (s) => void s.asAnotherClient.bumpUidValidity(address, folder)),
  fc.tuple(user, fc.constantFrom('Work', 'Work/Old')).map(([address, name]): Operation => (s) => {
    const account = s.store.requireAccount(address);
    if (account.folder(name)) s.store.deleteFolder(account, name);
    else s.store.createFolder(account, name);
  }),
  fc.tuple(user, fc.constantFrom('Spam', 'Elsewhere')).map(([address, name]): Operation => (s) => {
    const account = s.store.requireAccount(address);
    if (account.isSubscribed(name)) s.store.unsubscribe(account, name);
    else s.store.subscribe(account, name);
  }),
  fc.constant<Operation>((s) => void s.smtp.outbox.add({ mailFrom: 'a@acme.test', recipients: ['x@else.test'], raw: Buffer.from(raw(0)), acceptedAt: new Date(0) })),
  fc.nat(99).map((n): Operation => (s) => {
    if (!s.store.account(`c${n}@acme.test`)) s.addAccount(`c${n}@acme.test`, 'pw');
  }),
);

describe('snapshot and restore', () => {
  it('property: snapshot, any operations, restore gives the same observable store, and it can be restored again', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 15 }), fc.array(operation, { maxLength: 25 }), (setup, later) => {
        const s = new MockMailServer({ clock: () => new Date('2026-03-02T09:00:00Z'), users: USERS.map((address) => ({ address, password: 'pw' })) });
        for (const op of setup) op(s);
        const before = observable(s);
        const snapshot = s.snapshot();
        for (const op of later) op(s);
        s.restore(snapshot);
        expect(observable(s)).toEqual(before);
        // Restoring builds new objects: changing the store now does not alter the snapshot.
        for (const op of later) op(s);
        s.restore(snapshot);
        expect(observable(s)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps UIDVALIDITY and UIDNEXT, so new mail after a restore gets the UID it would have had', () => {
    server = new MockMailServer({ users: [{ address: 'a@acme.test', password: 'pw' }] });
    server.deliver(raw(1), { to: 'a@acme.test' });
    const snapshot = server.snapshot();
    const validity = server.folders('a@acme.test')[0]!.uidValidity;
    server.deliver(raw(2), { to: 'a@acme.test' });
    server.asAnotherClient.bumpUidValidity('a@acme.test', 'INBOX');
    server.restore(snapshot);
    expect(server.folders('a@acme.test')[0]).toMatchObject({ uidValidity: validity, uidNext: 2, messages: 1 });
    expect(server.deliver(raw(3), { to: 'a@acme.test' })).toEqual([{ account: 'a@acme.test', folder: 'INBOX', uid: 2 }]);
  });

  it('ends open IMAP sessions with BYE, and a new session sees the restored mailbox', async () => {
    server = new MockMailServer({ users: [{ address: 'a@acme.test', password: 'pw' }] });
    const { imapPort } = await server.start();
    server.deliver(raw(1), { to: 'a@acme.test' });
    const snapshot = server.snapshot();
    server.deliver(raw(2), { to: 'a@acme.test' });
    const { client } = await RawImapClient.connect(imapPort);
    await client.command('a1 LOGIN a@acme.test pw');
    await client.command('a2 SELECT INBOX');

    server.restore(snapshot);

    expect(await client.waitForClose()).toEqual(['* BYE Mailbox state restored by the test, please reconnect']);
    const { client: fresh } = await RawImapClient.connect(imapPort);
    await fresh.command('b1 LOGIN a@acme.test pw');
    expect((await fresh.command('b2 STATUS INBOX (MESSAGES UIDNEXT)'))[0]).toBe('* STATUS "INBOX" (MESSAGES 1 UIDNEXT 2)');
    await fresh.logout();
  });
});
