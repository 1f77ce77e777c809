import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/fixtures.ts';

const harness = useHarness();

/** INBOX with four messages: UIDs 1 and 2 from the fixture, 3 and 4 delivered here. */
async function fourMessages() {
  harness().deliver('Subject: three\r\n\r\n', ['$Later']);
  harness().deliver('Subject: four\r\n\r\n');
  return harness().loggedIn('SELECT');
}

const trashUids = () => harness().account.requireFolderByRole('trash').messages.map((m) => m.uid);

describe('IMAP COPY and UID COPY (RFC 3501 §6.4.7, RFC 4315 COPYUID)', () => {
  it('copies with flags and INTERNALDATE and answers COPYUID with compact UID sets', async () => {
    const client = await fourMessages();
    expect(await client.command('a1 COPY 1,3:4 Trash')).toEqual(['a1 OK [COPYUID 1003 1,3:4 1:3] COPY completed']);
    expect(await client.command('a2 UID COPY 4:2 Trash')).toEqual(['a2 OK [COPYUID 1003 2:4 4:6] UID COPY completed']);
    expect(trashUids()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await client.command('a3 STATUS Trash (MESSAGES UIDNEXT)')).toEqual(['* STATUS "Trash" (MESSAGES 6 UIDNEXT 7)', 'a3 OK STATUS completed']);
    const trash = harness().account.requireFolderByRole('trash');
    expect(trash.messages.map((m) => [...m.flags])).toEqual([[], ['$Later'], [], ['\\Seen'], ['$Later'], []]);
    expect(harness().inbox.messages).toHaveLength(4);
  });

  it('copies into the selected folder itself and announces the copies (RECENT counts 3 and 4 too)', async () => {
    const client = await fourMessages();
    expect(await client.command('a1 COPY 2 INBOX')).toEqual(['* 5 EXISTS', '* 3 RECENT', 'a1 OK [COPYUID 1000 2 5] COPY completed']);
  });

  it('answers TRYCREATE, BAD for numbers past the end, and OK without COPYUID when no UID matches', async () => {
    const client = await fourMessages();
    expect(await client.command('a1 COPY 1 Nowhere')).toEqual(['a1 NO [TRYCREATE] Mailbox does not exist']);
    expect(await client.command('a2 COPY 5 Trash')).toEqual(['a2 BAD Invalid message sequence number']);
    expect(await client.command('a3 UID COPY 50:60 Trash')).toEqual(['a3 OK UID COPY completed, nothing to do']);
    expect(await client.command('a4 COPY x Trash')).toEqual(['a4 BAD Invalid sequence set "x"']);
    expect(await client.command('a5 COPY 1')).toEqual(['a5 BAD Invalid arguments for COPY, expected: COPY sequence-set mailbox']);
    expect(trashUids()).toEqual([]);
  });

  it('copies out of a read-only mailbox', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 COPY 1:* Trash')).toEqual(['a1 OK [COPYUID 1003 1:2 1:2] COPY completed']);
  });
});

describe('IMAP MOVE and UID MOVE (RFC 6851)', () => {
  it('moves: COPYUID on an untagged OK, then EXPUNGE for each original, numbers shifting', async () => {
    const client = await fourMessages();
    expect(await client.command('a1 MOVE 2:3 Trash')).toEqual(['* OK [COPYUID 1003 2:3 1:2] Moved', '* 2 EXPUNGE', '* 2 EXPUNGE', 'a1 OK MOVE completed']);
    expect(await client.command('a2 UID MOVE 4 Trash')).toEqual(['* OK [COPYUID 1003 4 3] Moved', '* 2 EXPUNGE', 'a2 OK UID MOVE completed']);
    expect(await client.command('a3 UID SEARCH ALL')).toEqual(['* SEARCH 1', 'a3 OK UID SEARCH completed']);
    expect(trashUids()).toEqual([1, 2, 3]);
  });

  it('refuses to move out of a read-only mailbox, and into a missing one', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 MOVE 1 Trash')).toEqual(['a1 NO [READ-ONLY] Mailbox is read-only']);
    await client.command('a2 SELECT INBOX');
    expect(await client.command('a3 UID MOVE 1 Nowhere')).toEqual(['a3 NO [TRYCREATE] Mailbox does not exist']);
    expect(harness().inbox.messages).toHaveLength(2);
  });

  it('moves within the folder: new UIDs at the end', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 MOVE 1 INBOX')).toEqual(['* OK [COPYUID 1000 1 3] Moved', '* 1 EXPUNGE', '* 2 EXISTS', '* 1 RECENT', 'a1 OK MOVE completed']);
    expect(await client.command('a2 UID SEARCH ALL')).toEqual(['* SEARCH 2 3', 'a2 OK UID SEARCH completed']);
  });
});

describe('IMAP EXPUNGE, UID EXPUNGE and CLOSE', () => {
  it('EXPUNGE removes every \\Deleted message, each reported with its number at that moment', async () => {
    const client = await fourMessages();
    await client.command('a1 STORE 1,3:4 +FLAGS.SILENT (\\Deleted)');
    expect(await client.command('a2 EXPUNGE')).toEqual(['* 1 EXPUNGE', '* 2 EXPUNGE', '* 2 EXPUNGE', 'a2 OK EXPUNGE completed']);
    expect(await client.command('a3 UID SEARCH ALL')).toEqual(['* SEARCH 2', 'a3 OK UID SEARCH completed']);
    expect(await client.command('a4 EXPUNGE')).toEqual(['a4 OK EXPUNGE completed']);
    expect(await client.command('a5 EXPUNGE now')).toEqual(['a5 BAD Invalid arguments for EXPUNGE, expected: EXPUNGE (no arguments)']);
  });

  it('UID EXPUNGE removes only the given \\Deleted messages', async () => {
    const client = await fourMessages();
    await client.command('a1 STORE 1:3 +FLAGS.SILENT (\\Deleted)');
    expect(await client.command('a2 UID EXPUNGE 2:4')).toEqual(['* 2 EXPUNGE', '* 2 EXPUNGE', 'a2 OK UID EXPUNGE completed']);
    expect(await client.command('a3 UID SEARCH DELETED')).toEqual(['* SEARCH 1', 'a3 OK UID SEARCH completed']);
    expect(await client.command('a4 UID EXPUNGE')).toEqual(['a4 BAD Invalid arguments for UID EXPUNGE, expected: UID EXPUNGE uid-set']);
    expect(await client.command('a5 UID EXPUNGE 1:x')).toEqual(['a5 BAD Invalid sequence set "1:x"']);
  });

  it('nothing is expunged in a read-only mailbox, not even by CLOSE', async () => {
    harness().deliver('Subject: doomed\r\n\r\n', ['\\Deleted']);
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 EXPUNGE')).toEqual(['a1 NO [READ-ONLY] Mailbox is read-only']);
    expect(await client.command('a2 UID EXPUNGE 3')).toEqual(['a2 NO [READ-ONLY] Mailbox is read-only']);
    expect(await client.command('a3 CLOSE')).toEqual(['a3 OK CLOSE completed']);
    expect(harness().inbox.messages).toHaveLength(3);
  });

  it('CLOSE expunges silently in a read-write mailbox; UNSELECT does not', async () => {
    harness().deliver('Subject: doomed\r\n\r\n', ['\\Deleted']);
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 UNSELECT')).toEqual(['a1 OK UNSELECT completed']);
    expect(harness().inbox.messages).toHaveLength(3);
    await client.command('a2 SELECT INBOX');
    expect(await client.command('a3 CLOSE')).toEqual(['a3 OK CLOSE completed']);
    expect(harness().inbox.messages.map((m) => m.uid)).toEqual([1, 2]);
  });

  it('message commands need a selected mailbox', async () => {
    const client = await harness().loggedIn();
    for (const [index, command] of ['COPY 1 Trash', 'UID COPY 1 Trash', 'MOVE 1 Trash', 'UID MOVE 1 Trash', 'EXPUNGE', 'UID EXPUNGE 1'].entries()) {
      const name = command.startsWith('UID') ? command.split(' ').slice(0, 2).join(' ') : command.split(' ')[0];
      expect(await client.command(`a${index} ${command}`)).toEqual([`a${index} BAD No mailbox selected: ${name} needs SELECT or EXAMINE first`]);
    }
  });
});
