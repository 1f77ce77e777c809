import { describe, expect, it } from 'vitest';
import { Folder } from '../store/index.ts';
import { useHarness } from './test-support/fixtures.ts';

const harness = useHarness();

const SELECT_LINES = [
  '* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)',
  '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags permitted',
  '* 2 EXISTS',
  '* 0 RECENT',
  '* OK [UNSEEN 1] Message 1 is first unseen',
  '* OK [UIDVALIDITY 1000] UIDs valid',
  '* OK [UIDNEXT 3] Predicted next UID',
];

describe('IMAP mailboxes: LIST, LSUB, SELECT, EXAMINE, STATUS, CLOSE', () => {
  it('lists every folder with special-use and children attributes', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 LIST "" "*"')).toEqual([
      '* LIST (\\HasNoChildren) "/" "INBOX"',
      '* LIST (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LIST (\\HasNoChildren \\Junk) "/" "Spam"',
      '* LIST (\\HasNoChildren \\Trash) "/" "Trash"',
      '* LIST (\\HasNoChildren \\Drafts) "/" "Drafts"',
      'a1 OK LIST completed',
    ]);
  });

  it('answers the delimiter query, % and INBOX in any case', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 LIST "" ""')).toEqual(['* LIST (\\Noselect) "/" ""', 'a1 OK LIST completed']);
    expect(await client.command('a2 LIST "" inbox')).toEqual(['* LIST (\\HasNoChildren) "/" "INBOX"', 'a2 OK LIST completed']);
    expect(await client.command('a3 LIST "" S%')).toEqual(['* LIST (\\HasNoChildren \\Sent) "/" "Sent"', '* LIST (\\HasNoChildren \\Junk) "/" "Spam"', 'a3 OK LIST completed']);
    expect(await client.command('a4 LIST "" Nothing*')).toEqual(['a4 OK LIST completed']);
  });

  it('shows hierarchy: parents without a folder are \\Noselect, % stops at the delimiter', async () => {
    harness().account.addFolder(new Folder('Archive/2026', undefined, 77));
    harness().account.addFolder(new Folder('Проекты', undefined, 78));
    const client = await harness().loggedIn();
    expect(await client.command('a1 LIST "" %')).toContain('* LIST (\\Noselect \\HasChildren) "/" "Archive"');
    expect(await client.command('a2 LIST Archive/ %')).toEqual(['* LIST (\\HasNoChildren) "/" "Archive/2026"', 'a2 OK LIST completed']);
    expect(await client.command('a3 LIST "" &BB8EQAQ+BDUEOgRCBEs-')).toEqual(['* LIST (\\HasNoChildren) "/" "&BB8EQAQ+BDUEOgRCBEs-"', 'a3 OK LIST completed']);
    expect(await client.command('a4 STATUS &BB8EQAQ+BDUEOgRCBEs- (UIDVALIDITY)')).toEqual(['* STATUS "&BB8EQAQ+BDUEOgRCBEs-" (UIDVALIDITY 78)', 'a4 OK STATUS completed']);
  });

  it('understands the RFC 6154 extended LIST forms', async () => {
    const client = await harness().loggedIn();
    const special = await client.command('a1 LIST (SPECIAL-USE) "" "*" RETURN (SPECIAL-USE)');
    expect(special).toEqual([
      '* LIST (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LIST (\\HasNoChildren \\Junk) "/" "Spam"',
      '* LIST (\\HasNoChildren \\Trash) "/" "Trash"',
      '* LIST (\\HasNoChildren \\Drafts) "/" "Drafts"',
      'a1 OK LIST completed',
    ]);
    expect(await client.command('a2 LIST "" INBOX RETURN (SUBSCRIBED CHILDREN)')).toEqual(['* LIST (\\HasNoChildren \\Subscribed) "/" "INBOX"', 'a2 OK LIST completed']);
    expect(await client.command('a3 LIST (REMOTE) "" "*"')).toEqual(['a3 BAD Invalid arguments for LIST: Unsupported LIST selection option REMOTE']);
  });

  it('lists subscriptions with LSUB: every folder', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 LSUB "" "S*"')).toEqual([
      '* LSUB (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LSUB (\\HasNoChildren \\Junk) "/" "Spam"',
      'a1 OK LSUB completed',
    ]);
  });

  it('selects INBOX read-write with every required response', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 SELECT INBOX')).toEqual([...SELECT_LINES, 'a1 OK [READ-WRITE] SELECT completed']);
  });

  it('examines read-only with empty PERMANENTFLAGS, and lists keywords in FLAGS', async () => {
    harness().inbox.messages[0]?.flags.add('$Important');
    const client = await harness().loggedIn();
    expect(await client.command('a1 EXAMINE inbox')).toEqual([
      '* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Important)',
      '* OK [PERMANENTFLAGS ()] No permanent flags permitted',
      ...SELECT_LINES.slice(2),
      'a1 OK [READ-ONLY] EXAMINE completed',
    ]);
  });

  it('selects an empty folder without UNSEEN', async () => {
    const client = await harness().loggedIn();
    const lines = await client.command('a1 SELECT Drafts');
    expect(lines.slice(2)).toEqual(['* 0 EXISTS', '* 0 RECENT', '* OK [UIDVALIDITY 1004] UIDs valid', '* OK [UIDNEXT 1] Predicted next UID', 'a1 OK [READ-WRITE] SELECT completed']);
  });

  it('drops back to the authenticated state when SELECT fails', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 SELECT Nowhere')).toEqual(['a1 NO [NONEXISTENT] Mailbox does not exist']);
    expect(await client.command('a2 FETCH 1 UID')).toEqual(['a2 BAD No mailbox selected: FETCH needs SELECT or EXAMINE first']);
  });

  it('reports STATUS items in the order asked', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN RECENT)')).toEqual([
      '* STATUS "INBOX" (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 1000 UNSEEN 1 RECENT 0)',
      'a1 OK STATUS completed',
    ]);
    expect(await client.command('a2 STATUS Trash (unseen messages)')).toEqual(['* STATUS "Trash" (UNSEEN 0 MESSAGES 0)', 'a2 OK STATUS completed']);
    expect(await client.command('a3 STATUS INBOX (SIZE)')).toEqual(['a3 BAD Unknown STATUS item SIZE']);
    expect(await client.command('a4 STATUS Nowhere (MESSAGES)')).toEqual(['a4 NO [NONEXISTENT] Mailbox does not exist']);
    expect(await client.command('a5 STATUS INBOX')).toEqual(['a5 BAD Invalid arguments for STATUS, expected: STATUS mailbox (item ...)']);
  });

  it('leaves the mailbox with CLOSE and UNSELECT', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 CLOSE')).toEqual(['a1 OK CLOSE completed']);
    expect(await client.command('a2 FETCH 1 UID')).toEqual(['a2 BAD No mailbox selected: FETCH needs SELECT or EXAMINE first']);
    await client.command('a3 EXAMINE INBOX');
    expect(await client.command('a4 UNSELECT')).toEqual(['a4 OK UNSELECT completed']);
    expect(await client.command('a5 CLOSE')).toEqual(['a5 BAD No mailbox selected: CLOSE needs SELECT or EXAMINE first']);
  });

  it('checks states: nothing but the basics before login', async () => {
    const { client } = await harness().client();
    expect(await client.command('a1 LIST "" *')).toEqual(['a1 BAD LIST is only allowed after LOGIN or AUTHENTICATE']);
    expect(await client.command('a2 FETCH 1 UID')).toEqual(['a2 BAD FETCH is only allowed after LOGIN or AUTHENTICATE']);
    expect(await client.command('a3 NOOP')).toEqual(['a3 OK NOOP completed']);
  });
});

describe('IMAP new-message reporting: NOOP and IDLE', () => {
  it('reports messages that arrived since the last report, once', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 NOOP')).toEqual(['a1 OK NOOP completed']);
    harness().deliver('Subject: three\r\n\r\n');
    harness().deliver('Subject: four\r\n\r\n');
    expect(await client.command('a2 NOOP')).toEqual(['* 4 EXISTS', '* 2 RECENT', 'a2 OK NOOP completed']);
    expect(await client.command('a3 NOOP')).toEqual(['a3 OK NOOP completed']);
    harness().deliver('Subject: five\r\n\r\n');
    expect(await client.command('a4 UID SEARCH ALL')).toEqual(['* 5 EXISTS', '* 3 RECENT', '* SEARCH 1 2 3 4 5', 'a4 OK UID SEARCH completed']);
  });

  it('does not report the old mailbox\'s arrivals when another is selected', async () => {
    const client = await harness().loggedIn('SELECT');
    harness().deliver('Subject: three\r\n\r\n');
    const lines = await client.command('a1 SELECT Sent');
    expect(lines[0]).toBe('* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)');
    expect(lines).toContain('* 0 EXISTS');
    expect(lines.filter((line) => line.endsWith('EXISTS'))).toHaveLength(1);
  });

  it('ignores arrivals in other folders', async () => {
    const client = await harness().loggedIn('SELECT');
    harness().store.deliver(harness().account, harness().account.requireFolderByRole('junk'), Buffer.from('Subject: spam\r\n\r\n'));
    expect(await client.command('a1 NOOP')).toEqual(['a1 OK NOOP completed']);
  });

  it('pushes EXISTS during IDLE and ends IDLE on DONE', async () => {
    const client = await harness().loggedIn('SELECT');
    client.send('a1 IDLE\r\n');
    expect(await client.waitForContinuation()).toEqual(['+ idling']);
    harness().deliver('Subject: during idle\r\n\r\n');
    expect(await client.waitFor((line) => line.endsWith('RECENT'))).toEqual(['* 3 EXISTS', '* 1 RECENT']);
    client.send('DONE\r\n');
    expect(await client.waitForTagged('a1')).toEqual(['a1 OK IDLE terminated']);
    expect(await client.command('a2 NOOP')).toEqual(['a2 OK NOOP completed']);
  });

  it('ends IDLE with BAD on anything but DONE', async () => {
    const client = await harness().loggedIn('SELECT');
    client.send('a1 IDLE\r\n');
    await client.waitForContinuation();
    client.send('a2 NOOP\r\n');
    expect(await client.waitForTagged('a1')).toEqual(['a1 BAD Expected DONE to end IDLE']);
  });
});
