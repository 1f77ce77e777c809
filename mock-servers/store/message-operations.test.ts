import { describe, expect, it } from 'vitest';
import { MailStore } from './mail-store.ts';
import { prepareCopy } from './message-operations.ts';
import type { MailStoreEvent } from './store-events.ts';

function setUp() {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
  const inbox = account.requireFolderByRole('inbox');
  const trash = account.requireFolderByRole('trash');
  for (const [subject, flags] of [['one', ['\\Seen']], ['two', []], ['three', ['\\Deleted', '$Later']]] as const) {
    store.deliver(account, inbox, Buffer.from(`Subject: ${subject}\r\n\r\n`), { flags, internalDate: new Date(`2026-01-0${subject.length}T00:00:00Z`) });
  }
  const events: MailStoreEvent[] = [];
  store.onChange((event) => events.push(event));
  return { store, account, inbox, trash, events };
}

const describeEvent = (event: MailStoreEvent) =>
  `${event.kind} ${'folder' in event ? event.folder.name : ''} ${'messages' in event ? event.messages.map((m) => m.uid).join(',') : 'message' in event ? event.message.uid : ''}`.trim();

describe('MailStore messages', () => {
  it('copies keeping flags and INTERNALDATE, with the target\'s next UIDs', () => {
    const { store, account, inbox, trash, events } = setUp();
    store.deliver(account, trash, Buffer.from('Subject: old\r\n\r\n'));
    events.length = 0;
    const copies = store.copyMessages(account, inbox, [inbox.messages[0]!, inbox.messages[2]!], trash);
    expect(copies.map(({ source, copy }) => [source.uid, copy.uid])).toEqual([[1, 2], [3, 3]]);
    expect(trash.messages.map((m) => [[...m.flags], m.internalDate.toISOString()])).toEqual([
      [[], '2026-03-02T10:00:00.000Z'],
      [['\\Seen'], '2026-01-03T00:00:00.000Z'],
      [['\\Deleted', '$Later'], '2026-01-05T00:00:00.000Z'],
    ]);
    expect(inbox.messages).toHaveLength(3);
    expect(events.map(describeEvent)).toEqual(['message-added Trash 2', 'message-added Trash 3']);
    // The copy's flags are its own.
    trash.messages[1]?.flags.add('\\Flagged');
    expect(inbox.messages[0]?.flags.has('\\Flagged')).toBe(false);
  });

  it('moves: copies, then expunges the originals, telling listeners of both', () => {
    const { store, account, inbox, trash, events } = setUp();
    store.moveMessages(account, inbox, [inbox.messages[1]!], trash);
    expect([inbox.messages.map((m) => m.uid), trash.messages.map((m) => m.uid)]).toEqual([[1, 3], [1]]);
    expect(events.map(describeEvent)).toEqual(['message-added Trash 1', 'messages-expunged INBOX 2']);
  });

  it('commits prepared copies in one step: flags as prepared, every change made before any listener hears of one', () => {
    const { store, account, inbox, trash, events } = setUp();
    const prepared = inbox.messages.map(prepareCopy);
    // Changed after its copy was prepared: the copy keeps the flags it was prepared with.
    inbox.messages[1]!.flags.add('\\Flagged');
    const seen: string[] = [];
    store.onChange(() => seen.push(`${inbox.messages.length}+${trash.messages.length}`));
    const copies = store.commitCopies(account, inbox, prepared, trash, true);
    expect(copies.map(({ source, copy }) => [source.uid, copy.uid])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(trash.messages.map((m) => [...m.flags])).toEqual([['\\Seen'], [], ['\\Deleted', '$Later']]);
    expect(seen).toEqual(['0+3', '0+3', '0+3', '0+3']);
    expect(events.map(describeEvent)).toEqual(['message-added Trash 1', 'message-added Trash 2', 'message-added Trash 3', 'messages-expunged INBOX 1,2,3']);
  });

  it('refuses to commit copies of a message no longer in its folder, changing nothing', () => {
    const { store, account, inbox, trash } = setUp();
    const prepared = inbox.messages.map(prepareCopy);
    store.removeMessages(account, inbox, [inbox.messages[2]!]);
    expect(() => store.commitCopies(account, inbox, prepared, trash, false)).toThrow('A message to copy is no longer in "INBOX"');
    expect([inbox.messages.length, trash.messages.length, trash.uidNext]).toEqual([2, 0, 1]);
  });

  it('expunges only \\Deleted messages, optionally only some of them', () => {
    const { store, account, inbox, events } = setUp();
    store.setFlags(account, inbox, [inbox.messages[0]!], 'add', ['\\Deleted']);
    expect(store.expunge(account, inbox, (m) => m.uid === 3).map((m) => m.uid)).toEqual([3]);
    expect(store.expunge(account, inbox).map((m) => m.uid)).toEqual([1]);
    expect(store.expunge(account, inbox)).toEqual([]);
    expect(inbox.messages.map((m) => m.uid)).toEqual([2]);
    expect(inbox.uidNext).toBe(4);
    expect(events.map(describeEvent)).toEqual(['flags-changed INBOX 1', 'messages-expunged INBOX 3', 'messages-expunged INBOX 1']);
  });

  it('changes flags case-insensitively and reports only real changes', () => {
    const { store, account, inbox, events } = setUp();
    const all = inbox.messages;
    expect(store.setFlags(account, inbox, all, 'add', ['\\seen']).map((m) => m.uid)).toEqual([2, 3]);
    expect(store.setFlags(account, inbox, all, 'remove', ['$later']).map((m) => m.uid)).toEqual([3]);
    expect(store.setFlags(account, inbox, all, 'replace', ['\\Seen']).map((m) => m.uid)).toEqual([3]);
    expect(all.map((m) => [...m.flags])).toEqual([['\\Seen'], ['\\Seen'], ['\\Seen']]);
    expect(store.setFlags(account, inbox, all, 'add', ['\\Seen'])).toEqual([]);
    expect(events).toHaveLength(3);
  });

  it('marks arrivals \\Recent until the first read-write session claims them', () => {
    const { store, account, inbox } = setUp();
    const [first, second] = inbox.messages;
    expect(inbox.recentCount).toBe(3);
    expect(inbox.claimRecent(first!)).toBe(true);
    expect(inbox.claimRecent(first!)).toBe(false);
    expect([inbox.isUnclaimedRecent(first!), inbox.isUnclaimedRecent(second!)]).toEqual([false, true]);
    store.removeMessages(account, inbox, [second!]);
    expect(inbox.recentCount).toBe(1);
  });
});
