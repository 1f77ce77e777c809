import { describe, expect, it } from 'vitest';
import { MailStore } from './mail-store.ts';
import type { MailStoreEvent } from './store-events.ts';

function setUp() {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z'), firstUidValidity: 10 });
  const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
  const events: string[] = [];
  store.onChange((event: MailStoreEvent) => events.push(`${event.kind}${'folder' in event ? ` ${event.folder.name}` : ''}`));
  return { store, account, events, inbox: account.requireFolderByRole('inbox') };
}

const names = (account: { folders: readonly { name: string }[] }) => account.folders.map((folder) => folder.name);

describe('MailStore folders', () => {
  it('creates folders with fresh UIDVALIDITY, ignoring one trailing delimiter', () => {
    const { store, account, events } = setUp();
    const created = store.createFolder(account, 'Projects/');
    const child = store.createFolder(account, 'Projects/2026', { subscribe: false });
    expect([created.name, created.uidValidity, child.uidValidity]).toEqual(['Projects', 15, 16]);
    expect(events).toEqual(['folder-created Projects', 'folder-created Projects/2026']);
    expect([account.isSubscribed('Projects'), account.isSubscribed('Projects/2026')]).toEqual([true, false]);
  });

  it('refuses existing names (INBOX in any case) and malformed ones with stable codes', () => {
    const { store, account } = setUp();
    expect(() => store.createFolder(account, 'inbox')).toThrow(expect.objectContaining({ code: 'STORE.FOLDER_EXISTS' }));
    expect(() => store.createFolder(account, 'Sent')).toThrow(expect.objectContaining({ code: 'STORE.FOLDER_EXISTS' }));
    for (const bad of ['', '/', 'A//B', 'A*', '50%', 'tab\there']) {
      expect(() => store.createFolder(account, bad)).toThrow(expect.objectContaining({ code: 'STORE.INVALID_FOLDER_NAME' }));
    }
  });

  it('deletes a folder and its messages but keeps its children and its subscription', () => {
    const { store, account, events } = setUp();
    const parent = store.createFolder(account, 'A');
    store.createFolder(account, 'A/B');
    store.deliver(account, parent, Buffer.from('Subject: x\r\n\r\n'));
    expect(store.deleteFolder(account, 'A')).toBe(parent);
    expect(names(account)).toContain('A/B');
    expect(names(account)).not.toContain('A');
    expect(account.isSubscribed('A')).toBe(true);
    expect(events.at(-1)).toBe('folder-deleted A');
    // "A" is now only a level above A/B: RFC 3501 §6.3.4 makes deleting it an error.
    expect(() => store.deleteFolder(account, 'A')).toThrow(expect.objectContaining({ code: 'STORE.FOLDER_HAS_CHILDREN' }));
    expect(() => store.deleteFolder(account, 'Nope')).toThrow(expect.objectContaining({ code: 'STORE.NO_SUCH_FOLDER' }));
  });

  it('keeps INBOX and the special-use folders', () => {
    const { store, account } = setUp();
    expect(() => store.deleteFolder(account, 'Inbox')).toThrow(expect.objectContaining({ code: 'STORE.INBOX_CANNOT_BE_DELETED' }));
    expect(() => store.deleteFolder(account, 'Spam')).toThrow(expect.objectContaining({ code: 'STORE.SPECIAL_USE_FOLDER' }));
  });

  it('renames a folder with its children and subscriptions; a recreated name gets a higher UIDVALIDITY', () => {
    const { store, account } = setUp();
    const folder = store.createFolder(account, 'A');
    store.createFolder(account, 'A/B');
    store.createFolder(account, 'AB');
    const uidValidity = folder.uidValidity;
    expect(store.renameFolder(account, 'A', 'Z/Y')).toBe(folder);
    expect(names(account).slice(5)).toEqual(['Z/Y', 'Z/Y/B', 'AB']);
    expect([folder.uidValidity, account.isSubscribed('Z/Y/B'), account.isSubscribed('A/B')]).toEqual([uidValidity, true, false]);
    expect(store.createFolder(account, 'A').uidValidity).toBeGreaterThan(uidValidity);
  });

  it('renames a bare level by renaming its children', () => {
    const { store, account } = setUp();
    store.createFolder(account, 'Old/One');
    expect(store.renameFolder(account, 'Old', 'New')).toBeUndefined();
    expect(names(account)).toContain('New/One');
  });

  it('refuses renames onto existing names, into themselves, or of nothing', () => {
    const { store, account } = setUp();
    store.createFolder(account, 'A');
    store.createFolder(account, 'B/C');
    expect(() => store.renameFolder(account, 'A', 'Sent')).toThrow(expect.objectContaining({ code: 'STORE.FOLDER_EXISTS' }));
    expect(() => store.renameFolder(account, 'A', 'B')).toThrow(expect.objectContaining({ code: 'STORE.FOLDER_EXISTS' }));
    expect(() => store.renameFolder(account, 'A', 'inbox')).toThrow(expect.objectContaining({ code: 'STORE.FOLDER_EXISTS' }));
    expect(() => store.renameFolder(account, 'A', 'A/Sub')).toThrow(expect.objectContaining({ code: 'STORE.RENAME_INTO_ITSELF' }));
    expect(() => store.renameFolder(account, 'Nope', 'X')).toThrow(expect.objectContaining({ code: 'STORE.NO_SUCH_FOLDER' }));
  });

  it('renaming INBOX moves its messages to a new folder and leaves INBOX and its children', () => {
    const { store, account, inbox, events } = setUp();
    store.createFolder(account, 'INBOX/Sub');
    store.deliver(account, inbox, Buffer.from('Subject: one\r\n\r\n'), { flags: ['\\Seen'] });
    store.deliver(account, inbox, Buffer.from('Subject: two\r\n\r\n'));
    events.length = 0;
    const moved = store.renameFolder(account, 'Inbox', 'Old mail');
    expect(moved?.messages.map((m) => [m.uid, [...m.flags]])).toEqual([[1, ['\\Seen']], [2, []]]);
    expect([inbox.messages.length, inbox.uidNext, account.folder('INBOX') === inbox]).toEqual([0, 3, true]);
    expect(names(account)).toContain('INBOX/Sub');
    expect(events).toEqual(['folder-created Old mail', 'message-added Old mail', 'message-added Old mail', 'messages-expunged INBOX']);
  });

  it('subscribes names whether or not a folder has them', () => {
    const { store, account, events } = setUp();
    store.subscribe(account, 'Later');
    store.unsubscribe(account, 'inbox');
    expect(account.subscriptions).toEqual(['Sent', 'Spam', 'Trash', 'Drafts', 'Later']);
    expect(events).toEqual(['subscriptions-changed', 'subscriptions-changed']);
  });

  it('bumps UIDVALIDITY and renumbers the messages from 1', () => {
    const { store, account, inbox, events } = setUp();
    for (const subject of ['a', 'b', 'c']) store.deliver(account, inbox, Buffer.from(`Subject: ${subject}\r\n\r\n`));
    store.removeMessages(account, inbox, [inbox.messages[0]!]);
    const old = inbox.messages[0]!;
    expect(store.bumpUidValidity(account, inbox)).toBe(15);
    expect([inbox.uidValidity, inbox.uidNext, inbox.messages.map((m) => m.uid)]).toEqual([15, 3, [1, 2]]);
    expect(inbox.has(old)).toBe(false);
    expect(inbox.messages[0]?.raw).toBe(old.raw);
    expect(events.at(-1)).toBe('uid-validity-changed INBOX');
  });

  it('never lets one account reach another account\'s folders', () => {
    const { store, account } = setUp();
    const other = store.createAccount({ address: 'b@x.test', password: 'pw' });
    const theirs = other.requireFolderByRole('inbox');
    expect(() => store.deliver(account, theirs, Buffer.from('x'))).toThrow(/does not belong/);
    expect(() => store.bumpUidValidity(account, theirs)).toThrow(/does not belong/);
    expect(() => store.copyMessages(account, account.requireFolderByRole('inbox'), [], theirs)).toThrow(/does not belong/);
    expect(account.folder('INBOX')).not.toBe(theirs);
  });
});
