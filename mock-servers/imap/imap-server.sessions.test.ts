import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/fixtures.ts';

const harness = useHarness();
const MESSAGE = 'Subject: hello\r\n\r\nhi\r\n';

/** Two sessions with INBOX selected read-write: `a` acts, `b` watches. */
async function twoSessions() {
  const a = await harness().loggedIn('SELECT');
  const b = await harness().loggedIn('SELECT');
  return { a, b };
}

describe('IMAP sessions on one mailbox (RFC 3501 §5.2, §7.4.1)', () => {
  it('hears of another session\'s APPEND, COPY and MOVE as EXISTS and RECENT; \\Recent goes to one session only', async () => {
    const { a, b } = await twoSessions();
    a.send(`a1 APPEND INBOX {${MESSAGE.length}+}\r\n${MESSAGE}\r\n`);
    expect(await a.waitForTagged('a1')).toEqual(['* 3 EXISTS', '* 1 RECENT', 'a1 OK [APPENDUID 1000 3] APPEND completed']);
    expect(await b.command('b1 NOOP')).toEqual(['* 3 EXISTS', '* 0 RECENT', 'b1 OK NOOP completed']);
    expect(await b.command('b2 FETCH 3 FLAGS')).toEqual(['* 3 FETCH (FLAGS ())', 'b2 OK FETCH completed']);
    await a.command('a2 SELECT Trash');
    await a.command('a3 APPEND Trash {4+}\r\nx\r\n\r\n');
    await a.command('a4 APPEND Trash {4+}\r\ny\r\n\r\n');
    await a.command('a5 COPY 1 INBOX');
    expect(await b.command('b3 NOOP')).toEqual(['* 4 EXISTS', '* 1 RECENT', 'b3 OK NOOP completed']);
    await a.command('a6 MOVE 2 INBOX');
    expect(await b.command('b4 NOOP')).toEqual(['* 5 EXISTS', '* 2 RECENT', 'b4 OK NOOP completed']);
    expect(await b.command('b5 SEARCH RECENT')).toEqual(['* SEARCH 4 5', 'b5 OK SEARCH completed']);
  });

  it('EXAMINE sees \\Recent without taking it; the next SELECT takes it', async () => {
    harness().deliver(MESSAGE);
    const examining = await harness().loggedIn();
    expect(await examining.command('e0 STATUS INBOX (RECENT)')).toEqual(['* STATUS "INBOX" (RECENT 1)', 'e0 OK STATUS completed']);
    expect(await examining.command('e1 EXAMINE INBOX')).toContain('* 1 RECENT');
    const selecting = await harness().loggedIn();
    expect(await selecting.command('s1 SELECT INBOX')).toContain('* 1 RECENT');
    const late = await harness().loggedIn();
    expect(await late.command('l1 SELECT INBOX')).toContain('* 0 RECENT');
    expect(await late.command('l2 STATUS INBOX (RECENT)')).toEqual(['* STATUS "INBOX" (RECENT 0)', 'l2 OK STATUS completed']);
  });

  it('holds back EXPUNGE during FETCH, STORE and SEARCH, keeping the numbers, and sends it on NOOP', async () => {
    const { a, b } = await twoSessions();
    await a.command('a1 STORE 1 +FLAGS.SILENT (\\Deleted)');
    expect(await b.command('b0 NOOP')).toEqual(['* 1 FETCH (FLAGS (\\Deleted))', 'b0 OK NOOP completed']);
    expect(await a.command('a2 EXPUNGE')).toEqual(['* 1 EXPUNGE', 'a2 OK EXPUNGE completed']);
    // Message 1 is gone, but b has not been told: its numbers still mean what they meant.
    expect(await b.command('b1 FETCH 1:2 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])')).toEqual([
      '* 1 FETCH (UID 1 BODY[HEADER.FIELDS (SUBJECT)] {23}\r\nSubject: Price list\r\n\r\n)',
      '* 2 FETCH (UID 2 BODY[HEADER.FIELDS (SUBJECT)] {24}\r\nSubject: Re: Invoice\r\n\r\n)',
      'b1 OK FETCH completed',
    ]);
    expect(await b.command('b2 SEARCH ALL')).toEqual(['* SEARCH 2', 'b2 OK SEARCH completed']);
    expect(await b.command('b3 STORE 1:2 +FLAGS (\\Flagged)')).toEqual([
      '* 2 FETCH (FLAGS (\\Seen \\Flagged))',
      'b3 NO [EXPUNGEISSUED] Some of the requested messages no longer exist',
    ]);
    expect(await b.command('b4 COPY 1 Trash')).toEqual(['* 1 EXPUNGE', 'b4 NO [EXPUNGEISSUED] Some of the requested messages no longer exist']);
    expect(await b.command('b5 FETCH 1 UID')).toEqual(['* 1 FETCH (UID 2)', 'b5 OK FETCH completed']);
    expect(await a.command('a3 NOOP')).toEqual(['* 1 FETCH (FLAGS (\\Seen \\Flagged))', 'a3 OK NOOP completed']);
  });

  it('sends a held-back EXPUNGE after a UID command\'s own responses, and on CHECK', async () => {
    const { a, b } = await twoSessions();
    harness().store.removeMessages(harness().account, harness().inbox, [harness().inbox.messages[0]!]);
    expect(await b.command('b1 UID FETCH 1:* UID')).toEqual(['* 1 FETCH (UID 1)', '* 2 FETCH (UID 2)', '* 1 EXPUNGE', 'b1 OK UID FETCH completed']);
    expect(await a.command('a1 CHECK')).toEqual(['* 1 EXPUNGE', 'a1 OK CHECK completed']);
  });

  it('reports flags another session changed as FETCH FLAGS, once, before the command\'s own answers', async () => {
    const { a, b } = await twoSessions();
    // A keyword new to the mailbox comes with a new FLAGS list first (RFC 3501 §7.2.6).
    const flagsLines = ['* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Hot)', '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Hot \\*)] Flags permitted'];
    expect(await a.command('a1 STORE 2 +FLAGS ($Hot)')).toEqual([...flagsLines, '* 2 FETCH (FLAGS (\\Seen $Hot))', 'a1 OK STORE completed']);
    expect(await b.command('b1 FETCH 1 UID')).toEqual([...flagsLines, '* 2 FETCH (FLAGS (\\Seen $Hot))', '* 1 FETCH (UID 1)', 'b1 OK FETCH completed']);
    await a.command('a1s STORE 2 -FLAGS.SILENT ($Hot)');
    // The list does not shrink within a session: the client saw $Hot defined, and it stays so.
    expect(await b.command('b1n NOOP')).toEqual(['* 2 FETCH (FLAGS (\\Seen))', 'b1n OK NOOP completed']);
    expect(await b.command('b2 NOOP')).toEqual(['b2 OK NOOP completed']);
    // Reading a body marks it \Seen, which the other session hears of too.
    await b.command('b3 FETCH 1 BODY[TEXT]');
    expect(await a.command('a2 NOOP')).toEqual(['* 1 FETCH (FLAGS (\\Seen))', 'a2 OK NOOP completed']);
    // A change the session made itself, silently, is not echoed back later.
    await a.command('a3 STORE 1 -FLAGS.SILENT (\\Seen)');
    expect(await a.command('a4 NOOP')).toEqual(['a4 OK NOOP completed']);
  });

  it('pushes arrivals, flag changes and expunges at once during IDLE', async () => {
    const { a, b } = await twoSessions();
    b.send('b1 IDLE\r\n');
    await b.waitForContinuation();
    a.send(`a1 APPEND INBOX {${MESSAGE.length}+}\r\n${MESSAGE}\r\n`);
    // The idling session hears first, so the new message is \Recent there (RFC 3501 §2.3.2).
    expect(await a.waitForTagged('a1')).toEqual(['* 3 EXISTS', '* 0 RECENT', 'a1 OK [APPENDUID 1000 3] APPEND completed']);
    expect(await b.waitFor((line) => line.endsWith('RECENT'))).toEqual(['* 3 EXISTS', '* 1 RECENT']);
    await a.command('a2 STORE 1 +FLAGS (\\Deleted)');
    expect(await b.waitFor((line) => line.includes('FETCH'))).toEqual(['* 1 FETCH (FLAGS (\\Deleted))']);
    await a.command('a3 EXPUNGE');
    expect(await b.waitFor((line) => line.endsWith('EXPUNGE'))).toEqual(['* 1 EXPUNGE']);
    b.send('DONE\r\n');
    expect(await b.waitForTagged('b1')).toEqual(['b1 OK IDLE terminated']);
  });

  it('reports what changed since the last command when IDLE starts', async () => {
    const { a, b } = await twoSessions();
    await a.command('a1 STORE 1 +FLAGS.SILENT (\\Deleted)');
    await a.command('a2 EXPUNGE');
    b.send('b1 IDLE\r\n');
    expect(await b.waitForContinuation()).toEqual(['* 1 EXPUNGE', '+ idling']);
  });

  it('lets a test act as another client: flag changes, removals and a new UIDVALIDITY', async () => {
    const { b } = await twoSessions();
    const { store, account, inbox } = harness();
    store.setFlags(account, inbox, [inbox.messages[1]!], 'replace', ['\\Answered']);
    store.removeMessages(account, inbox, [inbox.messages[0]!]);
    // Flag news comes before the command, EXPUNGE after it, each numbered for its moment.
    expect(await b.command('b1 NOOP')).toEqual(['* 2 FETCH (FLAGS (\\Answered))', '* 1 EXPUNGE', 'b1 OK NOOP completed']);
    b.send('b2 IDLE\r\n');
    await b.waitForContinuation();
    store.bumpUidValidity(account, inbox);
    expect(await b.waitForClose()).toEqual(['* BYE Mailbox UIDVALIDITY changed, have to disconnect']);
    const fresh = await harness().loggedIn();
    expect(await fresh.command('c1 SELECT INBOX')).toContain('* OK [UIDVALIDITY 1005] UIDs valid');
  });

  it('ends a session whose selected mailbox was renumbered at once, idle or not', async () => {
    const { b } = await twoSessions();
    harness().store.bumpUidValidity(harness().account, harness().inbox);
    expect(await b.waitForClose()).toEqual(['* BYE Mailbox UIDVALIDITY changed, have to disconnect']);
  });

  it('keeps sessions of other folders and other accounts out of it', async () => {
    const { a } = await twoSessions();
    const other = harness().store.createAccount({ address: 'other@acme.test', password: 'pw' });
    harness().store.deliver(other, other.requireFolderByRole('inbox'), Buffer.from(MESSAGE));
    harness().store.deliver(harness().account, harness().account.requireFolderByRole('junk'), Buffer.from(MESSAGE));
    harness().store.bumpUidValidity(other, other.requireFolderByRole('inbox'));
    expect(await a.command('a1 NOOP')).toEqual(['a1 OK NOOP completed']);
  });
});
