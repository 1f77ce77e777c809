import { ImapFlow } from 'imapflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, USER, type Harness } from './test-support/fixtures.ts';

let harness: Harness;
const clients: ImapFlow[] = [];

async function connect(): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port: harness.port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

/** Resolves with the first event of that name the client emits. */
function next<T>(client: ImapFlow, name: string): Promise<T> {
  return new Promise((resolve) => client.once(name, (event: T) => resolve(event)));
}

beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await harness.close();
  expect(harness.internalErrors).toEqual([]);
});

const MESSAGE = 'From: ann@other.test\r\nSubject: Offer\r\n\r\nPlease find the offer.\r\n';

describe('IMAP server with imapflow: changing mail', () => {
  it('appends with flags and date, learning the UID from APPENDUID', async () => {
    const client = await connect();
    const result = await client.append('Drafts', MESSAGE, ['\\Draft', '$Offer'], new Date('2026-03-04T08:00:00Z'));
    expect(result).toMatchObject({ destination: 'Drafts', uid: 1, uidValidity: 1004n });
    const drafts = harness.account.requireFolderByRole('drafts');
    expect([drafts.messages[0]?.raw.toString(), [...(drafts.messages[0]?.flags ?? [])], drafts.messages[0]?.internalDate.toISOString()]).toEqual([
      MESSAGE,
      ['\\Draft', '$Offer'],
      '2026-03-04T08:00:00.000Z',
    ]);
  });

  it('copies, moves and deletes, with the UID maps from COPYUID', async () => {
    const client = await connect();
    await client.mailboxOpen('INBOX');
    const copied = await client.messageCopy('1:2', 'Trash', { uid: true });
    expect(copied && [...(copied.uidMap ?? [])]).toEqual([[1, 1], [2, 2]]);
    const expunged: number[] = [];
    client.on('expunge', (event: { seq?: number }) => expunged.push(event.seq ?? 0));
    const moved = await client.messageMove('2', 'Spam', { uid: true });
    expect(moved && [...(moved.uidMap ?? [])]).toEqual([[2, 1]]);
    expect(expunged).toEqual([2]);
    expect(await client.messageDelete('1', { uid: true })).toBe(true);
    expect(harness.inbox.messages).toHaveLength(0);
    expect(harness.account.requireFolderByRole('trash').messages).toHaveLength(2);
    expect(harness.account.requireFolderByRole('junk').messages.map((m) => m.raw.toString())).toEqual([harness.account.requireFolderByRole('trash').messages[1]?.raw.toString()]);
  });

  it('creates, renames, subscribes and deletes folders', async () => {
    const client = await connect();
    expect(await client.mailboxCreate(['Clients', 'Acme'])).toMatchObject({ path: 'Clients/Acme', created: true });
    expect(await client.mailboxCreate('Clients/Acme')).toMatchObject({ created: false });
    await client.mailboxSubscribe('Clients/Acme');
    expect(await client.mailboxRename('Clients/Acme', 'Clients/Acme Ltd')).toMatchObject({ newPath: 'Clients/Acme Ltd' });
    const listed = await client.list();
    expect(listed.filter((folder) => folder.path.startsWith('Clients')).map((folder) => [folder.path, Boolean(folder.subscribed)])).toEqual([
      ['Clients', false],
      ['Clients/Acme Ltd', true],
    ]);
    await client.mailboxDelete('Clients/Acme Ltd');
    expect((await client.list()).map((folder) => folder.path)).not.toContain('Clients/Acme Ltd');
  });

  it('hears while idling of mail, flags and expunges caused by another client', async () => {
    const watcher = await connect();
    const actor = await connect();
    await watcher.mailboxOpen('INBOX');
    await actor.mailboxOpen('INBOX');
    const idling = watcher.idle();

    const exists = next<{ count: number; prevCount: number }>(watcher, 'exists');
    await actor.append('INBOX', MESSAGE);
    expect(await exists).toMatchObject({ count: 3, prevCount: 2 });

    const flags = next<{ seq: number; flags: Set<string> }>(watcher, 'flags');
    await actor.messageFlagsAdd('1', ['\\Flagged']);
    const flagged = await flags;
    expect([flagged.seq, [...flagged.flags]]).toEqual([1, ['\\Flagged']]);

    const expunge = next<{ seq: number }>(watcher, 'expunge');
    await actor.messageDelete('2');
    expect((await expunge).seq).toBe(2);

    await watcher.logout();
    await idling.catch(() => undefined);
  });

  it('sees a message moved in by another client on its next command', async () => {
    const watcher = await connect();
    const actor = await connect();
    await watcher.mailboxOpen('INBOX');
    await actor.append('Trash', MESSAGE);
    await actor.mailboxOpen('Trash');
    await actor.messageMove('1', 'INBOX');
    await watcher.noop();
    expect(watcher.mailbox && watcher.mailbox.exists).toBe(3);
    const uids = [];
    for await (const message of watcher.fetch('1:*', { uid: true })) uids.push(message.uid);
    expect(uids).toEqual([1, 2, 3]);
  });
});
