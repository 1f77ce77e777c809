import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/fixtures.ts';

const harness = useHarness();
const MESSAGE = 'Subject: Draft offer\r\n\r\nZażółć gęślą jaźń\r\n';
const SIZE = Buffer.byteLength(MESSAGE);

describe('IMAP APPEND (RFC 3501 §6.3.11, RFC 4315 APPENDUID)', () => {
  it('appends with a synchronising literal, flags and a date-time, and answers APPENDUID', async () => {
    const client = await harness().loggedIn();
    client.send(`a1 APPEND Drafts (\\Draft \\Seen $Offer) " 5-Mar-2026 14:30:00 +0100" {${SIZE}}\r\n`);
    expect(await client.waitForContinuation()).toEqual(['+ Ready for literal data']);
    client.send(Buffer.concat([Buffer.from(MESSAGE), Buffer.from('\r\n')]));
    expect(await client.waitForTagged('a1')).toEqual(['a1 OK [APPENDUID 1004 1] APPEND completed']);
    await client.command('a2 EXAMINE Drafts');
    expect(await client.command('a3 FETCH 1 (FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[TEXT])')).toEqual([
      `* 1 FETCH (FLAGS (\\Draft \\Seen $Offer \\Recent) INTERNALDATE "05-Mar-2026 13:30:00 +0000" RFC822.SIZE ${SIZE} BODY[TEXT] {${Buffer.byteLength('Zażółć gęślą jaźń\r\n')}}\r\nZażółć gęślą jaźń\r\n)`,
      'a3 OK FETCH completed',
    ]);
    expect(harness().account.folder('Drafts')?.messages[0]?.raw.toString()).toBe(MESSAGE);
  });

  it('appends with LITERAL+, without flags or date: INTERNALDATE from the clock', async () => {
    const client = await harness().loggedIn();
    client.send(`a1 APPEND INBOX {${SIZE}+}\r\n${MESSAGE}\r\n`);
    expect(await client.waitForTagged('a1')).toEqual(['a1 OK [APPENDUID 1000 3] APPEND completed']);
    const stored = harness().inbox.messages[2];
    expect([stored?.internalDate.toISOString(), [...(stored?.flags ?? [])]]).toEqual(['2026-03-02T10:00:00.000Z', []]);
  });

  it('tells the session that has the folder selected: EXISTS and RECENT before the tagged OK', async () => {
    const client = await harness().loggedIn('SELECT');
    client.send(`a1 APPEND inbox (\\Recent) {${SIZE}+}\r\n${MESSAGE}\r\n`);
    expect(await client.waitForTagged('a1')).toEqual(['* 3 EXISTS', '* 1 RECENT', 'a1 OK [APPENDUID 1000 3] APPEND completed']);
    expect(await client.command('a2 FETCH 3 FLAGS')).toEqual(['* 3 FETCH (FLAGS (\\Recent))', 'a2 OK FETCH completed']);
  });

  it('says TRYCREATE for a missing folder, then appends once it exists', async () => {
    const client = await harness().loggedIn();
    client.send(`a1 APPEND Offers {${SIZE}+}\r\n${MESSAGE}\r\n`);
    expect(await client.waitForTagged('a1')).toEqual(['a1 NO [TRYCREATE] Mailbox does not exist']);
    await client.command('a2 CREATE Offers');
    client.send(`a3 APPEND Offers {${SIZE}+}\r\n${MESSAGE}\r\n`);
    expect(await client.waitForTagged('a3')).toEqual(['a3 OK [APPENDUID 1005 1] APPEND completed']);
  });

  it('refuses malformed APPENDs', async () => {
    const client = await harness().loggedIn();
    const usage = 'BAD Invalid arguments for APPEND, expected: APPEND mailbox [(flags)] ["date-time"] {literal}';
    expect(await client.command('a1 APPEND INBOX')).toEqual([`a1 ${usage}`]);
    expect(await client.command('a2 APPEND INBOX "Subject: quoted"')).toEqual(['a2 BAD The message must be sent as a literal']);
    client.send('a3 APPEND INBOX "yesterday" {3+}\r\nabc\r\n');
    expect(await client.waitForTagged('a3')).toEqual(['a3 BAD Invalid date-time, expected e.g. "02-Mar-2026 10:00:00 +0100"']);
    client.send('a4 APPEND INBOX "31-Feb-2026 10:00:00 +0000" {3+}\r\nabc\r\n');
    expect(await client.waitForTagged('a4')).toEqual(['a4 BAD Invalid date-time, expected e.g. "02-Mar-2026 10:00:00 +0100"']);
    client.send('a5 APPEND INBOX (\\Bogus) {3+}\r\nabc\r\n');
    expect(await client.waitForTagged('a5')).toEqual(['a5 BAD Unknown system flag \\Bogus']);
    client.send('a6 APPEND INBOX {0+}\r\n\r\n');
    expect(await client.waitForTagged('a6')).toEqual(['a6 NO A message cannot be empty']);
    client.send('a7 APPEND INBOX {3+}\r\nabc extra\r\n');
    expect(await client.waitForTagged('a7')).toEqual([`a7 ${usage}`]);
    expect(harness().inbox.messages).toHaveLength(2);
  });

  it('keeps 8-bit and binary-looking octets exactly', async () => {
    const client = await harness().loggedIn();
    const octets = Buffer.concat([Buffer.from('Subject: bin\r\n\r\n'), Buffer.from([0xc5, 0xbc, 0x00, 0xff, 0x0d, 0x0a])]);
    client.send(Buffer.concat([Buffer.from(`a1 APPEND INBOX {${octets.length}+}\r\n`), octets, Buffer.from('\r\n')]));
    expect(await client.waitForTagged('a1')).toEqual(['a1 OK [APPENDUID 1000 3] APPEND completed']);
    expect(harness().inbox.messages[2]?.raw.equals(octets)).toBe(true);
  });
});
