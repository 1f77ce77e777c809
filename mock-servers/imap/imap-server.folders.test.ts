import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/fixtures.ts';

const harness = useHarness();

describe('IMAP folder management: CREATE, DELETE, RENAME', () => {
  it('creates folders, also below levels that are not folders, and refuses existing names', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 CREATE Projects/')).toEqual(['a1 OK CREATE completed']);
    expect(await client.command('a2 CREATE "Archive/2026/Q1"')).toEqual(['a2 OK CREATE completed']);
    expect(await client.command('a3 CREATE &BB8EQAQ+BDUEOgRCBEs-')).toEqual(['a3 OK CREATE completed']);
    expect(await client.command('a4 LIST "" *')).toEqual([
      '* LIST (\\HasNoChildren) "/" "INBOX"',
      '* LIST (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LIST (\\HasNoChildren \\Junk) "/" "Spam"',
      '* LIST (\\HasNoChildren \\Trash) "/" "Trash"',
      '* LIST (\\HasNoChildren \\Drafts) "/" "Drafts"',
      '* LIST (\\HasNoChildren) "/" "Projects"',
      '* LIST (\\Noselect \\HasChildren) "/" "Archive"',
      '* LIST (\\Noselect \\HasChildren) "/" "Archive/2026"',
      '* LIST (\\HasNoChildren) "/" "Archive/2026/Q1"',
      '* LIST (\\HasNoChildren) "/" "&BB8EQAQ+BDUEOgRCBEs-"',
      'a4 OK LIST completed',
    ]);
    expect(harness().account.folder('Проекты')).toBeDefined();
    expect(await client.command('a5 CREATE inbox')).toEqual(['a5 NO [ALREADYEXISTS] The folder "INBOX" already exists']);
    expect(await client.command('a6 CREATE Projects')).toEqual(['a6 NO [ALREADYEXISTS] The folder "Projects" already exists']);
    expect(await client.command('a7 CREATE "a//b"')).toEqual(['a7 NO [CANNOT] The folder name "a//b" has an empty level']);
    expect(await client.command('a8 CREATE "Hot*"')).toEqual(['a8 NO [CANNOT] The folder name "Hot*" contains * or %']);
    expect(await client.command('a9 CREATE')).toEqual(['a9 BAD Invalid arguments for CREATE, expected: CREATE mailbox']);
    expect(await client.command('b1 CREATE a b')).toEqual(['b1 BAD Invalid arguments for CREATE, expected: CREATE mailbox']);
  });

  it('a new folder gets a fresh UIDVALIDITY and starts at UID 1', async () => {
    const client = await harness().loggedIn();
    await client.command('a1 CREATE Projects');
    expect(await client.command('a2 STATUS Projects (MESSAGES UIDNEXT UIDVALIDITY)')).toEqual([
      '* STATUS "Projects" (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 1005)',
      'a2 OK STATUS completed',
    ]);
    await client.command('a3 DELETE Projects');
    await client.command('a4 CREATE Projects');
    // A folder created again under an old name must not reuse its UIDVALIDITY (RFC 3501 §2.3.1.1).
    expect(await client.command('a5 STATUS Projects (UIDVALIDITY)')).toEqual(['* STATUS "Projects" (UIDVALIDITY 1006)', 'a5 OK STATUS completed']);
  });

  it('deletes a folder with its messages and keeps its children as a \\Noselect level', async () => {
    const client = await harness().loggedIn();
    await client.command('a1 CREATE A/B');
    await client.command('a2 CREATE A');
    client.send('a3 APPEND A {18+}\r\nSubject: x\r\n\r\nbody\r\n');
    await client.waitForTagged('a3');
    expect(await client.command('a4 DELETE A')).toEqual(['a4 OK DELETE completed']);
    expect(await client.command('a5 LIST "" A*')).toEqual(['* LIST (\\Noselect \\HasChildren) "/" "A"', '* LIST (\\HasNoChildren) "/" "A/B"', 'a5 OK LIST completed']);
    expect(await client.command('a6 DELETE A')).toEqual(['a6 NO "A" is only a level above other folders; delete those first']);
    expect(await client.command('a7 DELETE A/B')).toEqual(['a7 OK DELETE completed']);
    expect(await client.command('a8 LIST "" A*')).toEqual(['a8 OK LIST completed']);
  });

  it('refuses to delete INBOX, special-use folders and folders that do not exist', async () => {
    const client = await harness().loggedIn();
    expect(await client.command('a1 DELETE inbox')).toEqual(['a1 NO [CANNOT] INBOX cannot be deleted']);
    expect(await client.command('a2 DELETE Sent')).toEqual(['a2 NO [CANNOT] "Sent" is the account\'s sent folder and cannot be deleted']);
    expect(await client.command('a3 DELETE Nowhere')).toEqual(['a3 NO [NONEXISTENT] The folder "Nowhere" does not exist']);
    expect(await client.command('a4 DELETE')).toEqual(['a4 BAD Invalid arguments for DELETE, expected: DELETE mailbox']);
  });

  it('deleting the selected folder closes it; another session with it selected is told BYE', async () => {
    const client = await harness().loggedIn();
    const other = await harness().loggedIn();
    await client.command('a1 CREATE Work');
    await client.command('a2 SELECT Work');
    await other.command('b1 SELECT Work');
    expect(await client.command('a3 DELETE Work')).toEqual(['a3 OK DELETE completed']);
    expect(await client.command('a4 FETCH 1 UID')).toEqual(['a4 BAD No mailbox selected: FETCH needs SELECT or EXAMINE first']);
    expect(await other.waitForClose()).toEqual(['* BYE Selected mailbox was deleted, have to disconnect']);
  });

  it('renames a folder with its children, keeping UIDVALIDITY, messages and subscriptions', async () => {
    const client = await harness().loggedIn();
    await client.command('a1 CREATE Work/Old');
    await client.command('a2 CREATE Work');
    await client.command('a3 SUBSCRIBE Work/Old');
    client.send('a4 APPEND Work {18+}\r\nSubject: x\r\n\r\nbody\r\n');
    await client.waitForTagged('a4');
    const before = await client.command('a5 STATUS Work (MESSAGES UIDVALIDITY)');
    expect(await client.command('a6 RENAME Work Jobs')).toEqual(['a6 OK RENAME completed']);
    expect(await client.command('a7 STATUS Jobs (MESSAGES UIDVALIDITY)')).toEqual([before[0]?.replace('"Work"', '"Jobs"'), 'a7 OK STATUS completed']);
    expect(await client.command('a8 LSUB "" J*')).toEqual(['* LSUB (\\HasNoChildren) "/" "Jobs/Old"', 'a8 OK LSUB completed']);
    expect(await client.command('a9 LIST "" Work*')).toEqual(['a9 OK LIST completed']);
  });

  it('refuses renames onto existing names, into themselves, or of nothing', async () => {
    const client = await harness().loggedIn();
    await client.command('a1 CREATE Work');
    expect(await client.command('a2 RENAME Work Sent')).toEqual(['a2 NO [ALREADYEXISTS] The folder "Sent" already exists']);
    expect(await client.command('a3 RENAME Work INBOX')).toEqual(['a3 NO [ALREADYEXISTS] The folder "INBOX" already exists']);
    expect(await client.command('a4 RENAME Work Work/Sub')).toEqual(['a4 NO [CANNOT] "Work" cannot be moved into itself']);
    expect(await client.command('a5 RENAME Nowhere Else')).toEqual(['a5 NO [NONEXISTENT] The folder "Nowhere" does not exist']);
    expect(await client.command('a6 RENAME Work')).toEqual(['a6 BAD Invalid arguments for RENAME, expected: RENAME existing-mailbox new-mailbox']);
  });

  it('renaming INBOX moves its messages to a new folder; a session on INBOX sees them expunged', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 RENAME INBOX "Old mail"')).toEqual(['* 1 EXPUNGE', '* 1 EXPUNGE', 'a1 OK RENAME completed']);
    expect(await client.command('a2 STATUS "Old mail" (MESSAGES UIDNEXT)')).toEqual(['* STATUS "Old mail" (MESSAGES 2 UIDNEXT 3)', 'a2 OK STATUS completed']);
    expect(await client.command('a3 STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY)')).toEqual(['* STATUS "INBOX" (MESSAGES 0 UIDNEXT 3 UIDVALIDITY 1000)', 'a3 OK STATUS completed']);
  });
});

describe('IMAP subscriptions: SUBSCRIBE, UNSUBSCRIBE, LSUB, LIST (SUBSCRIBED)', () => {
  it('lists the provisioned folders as subscribed, and follows SUBSCRIBE and UNSUBSCRIBE', async () => {
    const client = await harness().loggedIn();
    await client.command('a1 CREATE Work');
    expect(await client.command('a2 LSUB "" *')).toEqual([
      '* LSUB (\\HasNoChildren) "/" "INBOX"',
      '* LSUB (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LSUB (\\HasNoChildren \\Junk) "/" "Spam"',
      '* LSUB (\\HasNoChildren \\Trash) "/" "Trash"',
      '* LSUB (\\HasNoChildren \\Drafts) "/" "Drafts"',
      'a2 OK LSUB completed',
    ]);
    expect(await client.command('a3 SUBSCRIBE Work')).toEqual(['a3 OK SUBSCRIBE completed']);
    expect(await client.command('a4 UNSUBSCRIBE Spam')).toEqual(['a4 OK UNSUBSCRIBE completed']);
    expect(await client.command('a5 LSUB "" *')).toEqual([
      '* LSUB (\\HasNoChildren) "/" "INBOX"',
      '* LSUB (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LSUB (\\HasNoChildren \\Trash) "/" "Trash"',
      '* LSUB (\\HasNoChildren \\Drafts) "/" "Drafts"',
      '* LSUB (\\HasNoChildren) "/" "Work"',
      'a5 OK LSUB completed',
    ]);
    expect(await client.command('a6 LIST "" S* RETURN (SUBSCRIBED)')).toEqual([
      '* LIST (\\HasNoChildren \\Sent \\Subscribed) "/" "Sent"',
      '* LIST (\\HasNoChildren \\Junk) "/" "Spam"',
      'a6 OK LIST completed',
    ]);
    expect(await client.command('a7 LIST (SUBSCRIBED) "" S*')).toEqual(['* LIST (\\HasNoChildren \\Sent \\Subscribed) "/" "Sent"', 'a7 OK LIST completed']);
  });

  it('keeps a subscription whose folder is gone, shown \\Noselect, and shows unsubscribed parents for %', async () => {
    const client = await harness().loggedIn();
    await client.command('a1 CREATE Work/Deep');
    await client.command('a2 SUBSCRIBE Work/Deep');
    await client.command('a3 SUBSCRIBE Gone');
    expect(await client.command('a4 LSUB "" %')).toEqual([
      '* LSUB (\\HasNoChildren) "/" "INBOX"',
      '* LSUB (\\HasNoChildren \\Sent) "/" "Sent"',
      '* LSUB (\\HasNoChildren \\Junk) "/" "Spam"',
      '* LSUB (\\HasNoChildren \\Trash) "/" "Trash"',
      '* LSUB (\\HasNoChildren \\Drafts) "/" "Drafts"',
      '* LSUB (\\Noselect) "/" "Work"',
      '* LSUB (\\Noselect) "/" "Gone"',
      'a4 OK LSUB completed',
    ]);
    expect(await client.command('a5 SUBSCRIBE')).toEqual(['a5 BAD Invalid arguments for SUBSCRIBE, expected: SUBSCRIBE mailbox']);
    expect(await client.command('a6 UNSUBSCRIBE a b')).toEqual(['a6 BAD Invalid arguments for UNSUBSCRIBE, expected: UNSUBSCRIBE mailbox']);
  });

  it('needs a login for every folder command', async () => {
    const { client } = await harness().client();
    for (const [index, command] of ['CREATE X', 'DELETE X', 'RENAME X Y', 'SUBSCRIBE X', 'UNSUBSCRIBE X'].entries()) {
      const name = command.split(' ')[0];
      expect(await client.command(`a${index} ${command}`)).toEqual([`a${index} BAD ${name} is only allowed after LOGIN or AUTHENTICATE`]);
    }
  });
});
