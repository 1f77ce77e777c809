import { describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { Dispatcher } from './dispatcher.ts';

function setUp() {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  const account = store.createAccount({ address: 'a@x.test', password: 'pw' });
  const work = store.createFolder(account, 'Work');
  const session = (select: string) => {
    const dispatcher = new Dispatcher({ store, maxBadCommands: 5, onInternalError: (error) => { throw error; } });
    dispatcher.command(Buffer.from('a LOGIN a@x.test pw'));
    dispatcher.command(Buffer.from(`b SELECT ${select}`));
    return dispatcher;
  };
  const text = (output: Iterable<Buffer>) => Buffer.concat([...output]).toString('latin1');
  return { store, account, work, session, text };
}

describe('Dispatcher and the selected mailbox', () => {
  it('hangs up at the next command when the selected mailbox was deleted meanwhile', () => {
    const { session, text } = setUp();
    const watcher = session('Work');
    const actor = session('INBOX');
    expect(text(actor.command(Buffer.from('c DELETE Work')).output)).toBe('c OK DELETE completed\r\n');
    const reply = watcher.command(Buffer.from('d NOOP'));
    expect([text(reply.output), reply.close]).toEqual(['* BYE Selected mailbox was deleted, have to disconnect\r\n', true]);
  });

  it('says so at once, even when not idle, when asked to announce a change that concerns it', () => {
    const { store, account, work, session, text } = setUp();
    const watcher = session('Work');
    expect(watcher.storeChanged({ kind: 'message-added', account, folder: work, message: store.deliver(account, work, Buffer.from('x')) })).toBe(true);
    expect(watcher.announce().output).toEqual([]);
    store.bumpUidValidity(account, work);
    expect(watcher.storeChanged({ kind: 'uid-validity-changed', account, folder: work })).toBe(true);
    const reply = watcher.announce();
    expect([text(reply.output), reply.close]).toEqual(['* BYE Mailbox UIDVALIDITY changed, have to disconnect\r\n', true]);
  });

  it('pushes news only while IDLE, and only for the selected mailbox', () => {
    const { store, account, work, session, text } = setUp();
    const watcher = session('Work');
    const inbox = account.requireFolderByRole('inbox');
    expect(text(watcher.command(Buffer.from('i IDLE')).output)).toBe('+ idling\r\n');
    const other = store.deliver(account, inbox, Buffer.from('x'));
    expect(watcher.storeChanged({ kind: 'message-added', account, folder: inbox, message: other })).toBe(false);
    const message = store.deliver(account, work, Buffer.from('x'));
    expect(watcher.storeChanged({ kind: 'message-added', account, folder: work, message })).toBe(true);
    expect(text(watcher.announce().output)).toBe('* 1 EXISTS\r\n* 1 RECENT\r\n');
    expect(text(watcher.line('DONE').output)).toBe('i OK IDLE terminated\r\n');
  });
});
