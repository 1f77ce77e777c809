import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from './mock-mail-server.ts';
import { PythonImapSession } from './test-clients/python-imap-session.ts';

/**
 * Python's imaplib beyond reading: every change it makes is checked twice, in what imaplib
 * reports and in the server's store. The script runs one step per request (see
 * test-clients/python-imap-steps.py), so the store is looked at between steps, not after sleeps.
 */
const USER = 'sales@acme.test';
let server: MockMailServer;
let python: PythonImapSession;

beforeEach(async () => {
  server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z') });
  server.addAccount(USER, 'secret');
  await server.start();
  python = PythonImapSession.open(server.address.host, server.address.imapPort, USER, 'secret');
});
afterEach(async () => {
  python.kill();
  await server.stop();
});

const mail = (from: string, subject: string, extra = '') =>
  `From: ${from}\r\nTo: ${USER}\r\nSubject: ${subject}\r\n${extra}Content-Type: text/plain; charset=utf-8\r\n\r\nBody of ${subject}\r\n`;

/** imaplib's SEARCH answer, `[b'1 3']`, as numbers. */
const numbers = (data: unknown[] | undefined): number[] => String(data?.[0] ?? '').split(' ').filter(Boolean).map(Number);
const subjects = (folder: string) => server.messages(USER, folder).map((m) => m.subject);

describe('Python imaplib changes the mailbox', () => {
  it('APPENDs with flags and a date (APPENDUID), then SEARCHes with OR, NOT, HEADER, SINCE/BEFORE and CHARSET UTF-8', async () => {
    // The subject as mail carries it (RFC 2047); SEARCH must match the decoded text.
    const encoded = `=?UTF-8?B?${Buffer.from('Zażółć gęślą jaźń').toString('base64')}?=`;
    server.deliver(mail('alice@client.test', encoded, 'X-Priority: 1\r\n'), { to: USER });
    server.deliver(mail('bob@client.test', 'Invoice 42'), { to: USER });

    const appended = await python.request({
      op: 'append', mailbox: 'INBOX', flags: '(\\Seen \\Flagged)', date: '"01-Feb-2026 08:30:00 +0100"',
      message: mail('carol@client.test', 'Draft offer').replace('Body of', 'Treść:'),
    });
    const { uidValidity } = server.folders(USER).find((f) => f.name === 'INBOX')!;
    expect(appended).toMatchObject({ ok: true, type: 'OK' });
    expect(appended.data![0]).toMatch(new RegExp(`^\\[APPENDUID ${uidValidity} 3\\] `));
    const stored = server.messages(USER)[2]!;
    expect(stored).toMatchObject({ uid: 3, subject: 'Draft offer', from: ['carol@client.test'] });
    expect([...stored.flags].sort()).toEqual(['\\Flagged', '\\Seen']);
    expect(stored.internalDate.toISOString()).toBe('2026-02-01T07:30:00.000Z');

    await python.ok('select', ['INBOX']);
    const search = async (...criteria: string[]) => numbers((await python.ok('search', [null, ...criteria])).data);
    expect(await search('OR', 'FROM', 'alice', 'FLAGGED')).toEqual([1, 3]);
    expect(await search('NOT', 'SEEN')).toEqual([1, 2]);
    expect(await search('HEADER', 'X-Priority', '1')).toEqual([1]);
    expect(await search('SINCE', '02-Mar-2026')).toEqual([1, 2]);
    expect(await search('BEFORE', '02-Mar-2026', 'NOT', 'FROM', 'bob')).toEqual([3]);
    // imaplib itself refuses a non-ASCII term outside a literal; with CHARSET and a literal it goes.
    expect(await python.call('search', [null, 'BODY', 'Treść'])).toMatchObject({ ok: false, error: expect.stringMatching(/^UnicodeEncodeError/) });
    const utf8 = await python.ok('search', ['UTF-8', 'SUBJECT'], 'gęślą');
    expect(numbers(utf8.data)).toEqual([1]);
    // On the wire: the charset named, the term as a literal of UTF-8 octets (RFC 3501 §6.4.4).
    const sent = server.transcripts().flatMap((t) => t.lines.filter((l) => l.direction === 'client').map((l) => l.text));
    expect(sent).toEqual(expect.arrayContaining([expect.stringMatching(/^\S+ SEARCH CHARSET UTF-8 SUBJECT \{8\}$/), 'gęślą']));
    expect(numbers((await python.ok('search', ['UTF-8', 'OR', 'FROM', 'bob', 'BODY'], 'Treść')).data)).toEqual([2, 3]);
    expect(numbers((await python.ok('uid', ['SEARCH', 'FLAGGED', 'SEEN'])).data)).toEqual([3]);
    expect((await python.ok('status', ['INBOX', '(MESSAGES UNSEEN UIDNEXT)'])).data).toEqual(['"INBOX" (MESSAGES 3 UNSEEN 2 UIDNEXT 4)']);
  });

  it('is told to create a missing folder before APPENDing to it (TRYCREATE), and then can', async () => {
    const refused = await python.request({ op: 'append', mailbox: 'Quotes', message: mail('dave@client.test', 'Quote') });
    expect(refused).toMatchObject({ ok: true, type: 'NO' });
    expect(refused.data![0]).toMatch(/^\[TRYCREATE\] /);
    expect(server.folders(USER).map((f) => f.name)).not.toContain('Quotes');
    await python.ok('create', ['Quotes']);
    expect(await python.request({ op: 'append', mailbox: 'Quotes', message: mail('dave@client.test', 'Quote') })).toMatchObject({ ok: true, type: 'OK' });
    expect(subjects('Quotes')).toEqual(['Quote']);
  });

  it('COPYs and MOVEs (COPYUID, UID forms), then STORE +FLAGS \\Deleted and EXPUNGE remove what was marked', async () => {
    for (const subject of ['one', 'two', 'three', 'four']) server.deliver(mail('alice@client.test', subject), { to: USER });
    await python.ok('create', ['Archive']);
    await python.ok('select', ['INBOX']);

    const copied = await python.ok('copy', ['1:2', 'Archive']);
    const archiveValidity = server.folders(USER).find((f) => f.name === 'Archive')!.uidValidity;
    expect(copied.data![0]).toMatch(new RegExp(`^\\[COPYUID ${archiveValidity} 1:2 1:2\\] `));
    expect(subjects('Archive')).toEqual(['one', 'two']);
    expect(subjects('INBOX')).toEqual(['one', 'two', 'three', 'four']);

    const moved = await python.ok('uid', ['MOVE', '3', 'Archive']);
    expect(moved.untagged).toMatchObject({ EXPUNGE: ['3'] });
    expect(subjects('Archive')).toEqual(['one', 'two', 'three']);
    expect(subjects('INBOX')).toEqual(['one', 'two', 'four']);

    const marked = await python.ok('store', ['1', '+FLAGS', '(\\Deleted)']);
    expect(marked.data).toEqual(['1 (FLAGS (\\Deleted \\Recent))']);
    expect(server.messages(USER)[0]!.flags).toContain('\\Deleted');
    expect(subjects('INBOX')).toEqual(['one', 'two', 'four']); // marked, not yet gone

    const expunged = await python.ok('expunge', []);
    expect(expunged.data).toEqual(['1']);
    expect(subjects('INBOX')).toEqual(['two', 'four']);

    await python.ok('uid', ['STORE', '4', '+FLAGS', '(\\Deleted)']);
    await python.ok('uid', ['STORE', '2', '+FLAGS', '(\\Deleted)']);
    const uidExpunge = await python.ok('uid', ['EXPUNGE', '4']); // UIDPLUS: only UID 4 goes
    expect(uidExpunge.untagged).toMatchObject({ EXPUNGE: ['2'] });
    expect(server.messages(USER).map((m) => [m.uid, m.subject])).toEqual([[2, 'two']]);

    await python.ok('uid', ['COPY', '2', 'Trash']); // imaplib's uid() keeps only FETCH data: check the store
    expect(subjects('Trash')).toEqual(['two']);
  });

  it('CREATEs, RENAMEs and DELETEs folders, SUBSCRIBEs and UNSUBSCRIBEs, and LIST and LSUB show it', async () => {
    await python.ok('create', ['Projects/2026']);
    const names = () => server.folders(USER).map((f) => f.name);
    expect(names()).toContain('Projects/2026');
    // The parent was not created, so LIST shows it as a name that only holds others (RFC 3501 §6.3.8).
    expect((await python.ok('list', ['""', 'Projects*'])).data).toEqual(['(\\Noselect \\HasChildren) "/" "Projects"', '(\\HasNoChildren) "/" "Projects/2026"']);
    expect((await python.ok('list', ['Projects/', '%'])).data).toEqual(['(\\HasNoChildren) "/" "Projects/2026"']);

    await python.ok('subscribe', ['Projects/2026']);
    expect(server.folders(USER).find((f) => f.name === 'Projects/2026')!.subscribed).toBe(true);
    expect((await python.ok('lsub', ['""', 'Projects/*'])).data).toEqual(['(\\HasNoChildren) "/" "Projects/2026"']);

    await python.ok('rename', ['Projects/2026', 'Projects/Done']);
    expect(names()).toContain('Projects/Done');
    expect(names()).not.toContain('Projects/2026');
    await python.ok('unsubscribe', ['Projects/Done']);
    expect(server.folders(USER).find((f) => f.name === 'Projects/Done')!.subscribed).toBe(false);
    expect((await python.ok('lsub', ['""', 'Projects/*'])).data).toEqual([null]);

    await python.ok('delete', ['Projects/Done']);
    expect(names()).not.toContain('Projects/Done');
    expect((await python.ok('list', ['""', '%'])).data).not.toContainEqual(expect.stringContaining('Projects'));

    // Special-use folders stay: mail is filed into them by role.
    const refused = await python.call('delete', ['Trash']);
    expect(refused).toMatchObject({ ok: true, type: 'NO' }); // imaplib raises on BAD only
    expect(refused.data![0]).toMatch(/\S/);
    expect(names()).toContain('Trash');
    const duplicate = await python.call('create', ['Sent']);
    expect(duplicate).toMatchObject({ ok: true, type: 'NO' });
  });

  it('hears new mail while IDLE and leaves IDLE with DONE', async () => {
    await python.ok('select', ['INBOX']);
    const started = await python.request({ op: 'idle-start' });
    expect(started.ok).toBe(true);
    if (started.client === 'raw') expect(started.continuation).toMatch(/^\+ /);

    server.deliver(mail('alice@client.test', 'While idling'), { to: USER });
    const heard = await python.request({ op: 'idle-next' });
    expect(heard.response).toMatch(/^(\* 1 EXISTS|EXISTS 1)$/);

    const done = await python.request({ op: 'idle-done' });
    expect(done).toMatchObject({ ok: true, tagged: expect.stringMatching(/^OK/) });
    expect(numbers((await python.ok('search', [null, 'SUBJECT', 'idling'])).data)).toEqual([1]);
    await python.close();
  });
});
