import { describe, expect, it } from 'vitest';
import { MailStore } from './mail-store.ts';

const at = (iso: string) => new Date(iso);

describe('MailStore', () => {
  it('creates the five special-use folders with distinct, ascending UIDVALIDITY', () => {
    const store = new MailStore({ firstUidValidity: 100 });
    const account = store.createAccount({ address: 'Sales@Acme.test', password: 'pw' });
    expect(account.folders.map((f) => [f.name, f.role])).toEqual([
      ['INBOX', 'inbox'], ['Sent', 'sent'], ['Spam', 'junk'], ['Trash', 'trash'], ['Drafts', 'drafts'],
    ]);
    expect(account.folders.map((f) => f.uidValidity)).toEqual([100, 101, 102, 103, 104]);
    expect(store.account('  sales@acme.TEST ')).toBe(account);
  });

  it('refuses a second account with the same address', () => {
    const store = new MailStore();
    store.createAccount({ address: 'a@x.test', password: '1' });
    expect(() => store.createAccount({ address: 'A@x.test', password: '2' })).toThrow(/already exists/);
  });

  it('authenticates only with the right password', () => {
    const store = new MailStore();
    const account = store.createAccount({ address: 'a@x.test', password: 'secret' });
    expect(store.authenticate('a@x.test', 'secret')).toBe(account);
    expect(store.authenticate('a@x.test', 'Secret')).toBeUndefined();
    expect(store.authenticate('b@x.test', 'secret')).toBeUndefined();
  });

  it('gives ascending UIDs, exact sizes and the clock time as INTERNALDATE', () => {
    let now = at('2026-03-02T10:00:00Z');
    const store = new MailStore({ clock: () => now });
    const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
    const inbox = account.requireFolderByRole('inbox');
    const first = store.deliver(account, inbox, Buffer.from('Subject: one\r\n\r\nżółw\r\n'));
    now = at('2026-03-02T11:30:00Z');
    const second = store.deliver(account, inbox, Buffer.from('Subject: two\r\n\r\n'), { flags: ['\\Seen'] });
    expect([first.uid, second.uid, inbox.uidNext]).toEqual([1, 2, 3]);
    expect(first.size).toBe(Buffer.byteLength('Subject: one\r\n\r\nżółw\r\n'));
    expect(first.internalDate.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(second.internalDate.toISOString()).toBe('2026-03-02T11:30:00.000Z');
    expect(inbox.unseenCount).toBe(1);
  });

  it('treats INBOX case-insensitively but other folder names exactly', () => {
    const store = new MailStore();
    const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
    expect(account.folder('inbox')?.name).toBe('INBOX');
    expect(account.folder('spam')).toBeUndefined();
    expect(account.folder('Spam')?.role).toBe('junk');
  });

  it('waits for a message that arrives later, and for one already there', async () => {
    const store = new MailStore();
    const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
    const inbox = account.requireFolderByRole('inbox');
    store.deliver(account, inbox, Buffer.from('Subject: early\r\n\r\n'));
    const early = await store.waitForMessage((e) => e.message.raw.toString().includes('early'));
    expect(early.message.uid).toBe(1);
    const later = store.waitForMessage((e) => e.message.raw.toString().includes('later'));
    store.deliver(account, inbox, Buffer.from('Subject: later\r\n\r\n'));
    expect((await later).message.uid).toBe(2);
  });

  it('fails a wait with a clear error when nothing matching arrives', async () => {
    const store = new MailStore();
    await expect(store.waitForMessage(() => false, { timeoutMs: 10 })).rejects.toThrow(/No matching message arrived within 10 ms/);
  });
});
