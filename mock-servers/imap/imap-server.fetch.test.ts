import { describe, expect, it } from 'vitest';
import { FIRST_MESSAGE, SECOND_MESSAGE, useHarness } from './test-support/fixtures.ts';

const harness = useHarness();

const SIZE1 = Buffer.byteLength(FIRST_MESSAGE);
const SIZE2 = Buffer.byteLength(SECOND_MESSAGE);
const DATE = '"02-Mar-2026 10:00:00 +0000"';
const JOHN = '(("Doe, John" NIL "john" "customer.test"))';
const ENVELOPE1 =
  `("Mon, 2 Mar 2026 09:59:00 +0100" "Price list" ${JOHN} ${JOHN} ${JOHN} ` +
  '(("Sales" NIL "sales" "acme.test")(NIL NIL "b" "acme.test")) (("=?UTF-8?Q?J=C3=B6rg?=" NIL "joerg" "customer.test")) NIL NIL "<m1@customer.test>")';
const ANN = '(("Ann" NIL "ann" "other.test"))';
const ENVELOPE2 =
  `("Tue, 3 Mar 2026 08:00:00 +0000" "Re: Invoice" ${ANN} ${ANN} ((NIL NIL "support" "other.test")) ` +
  '((NIL NIL "sales" "acme.test")) NIL NIL "<m0@acme.test>" "<m2@other.test>")';
const HEADER1 = FIRST_MESSAGE.slice(0, FIRST_MESSAGE.indexOf('\r\n\r\n') + 4);
const TEXT1 = FIRST_MESSAGE.slice(HEADER1.length);
const literal = (text: string) => `{${Buffer.byteLength(text)}}\r\n${text}`;

describe('IMAP FETCH', () => {
  it('fetches UID, FLAGS, INTERNALDATE and RFC822.SIZE in the order asked', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE)')).toEqual([
      `* 1 FETCH (UID 1 FLAGS () INTERNALDATE ${DATE} RFC822.SIZE ${SIZE1})`,
      `* 2 FETCH (UID 2 FLAGS (\\Seen) INTERNALDATE ${DATE} RFC822.SIZE ${SIZE2})`,
      'a1 OK FETCH completed',
    ]);
  });

  it('builds ENVELOPE from the raw headers: quoted names, groups of addresses, defaults', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 FETCH 1:2 ENVELOPE')).toEqual([
      `* 1 FETCH (ENVELOPE ${ENVELOPE1})`,
      `* 2 FETCH (ENVELOPE ${ENVELOPE2})`,
      'a1 OK FETCH completed',
    ]);
  });

  it('sends non-ASCII header values as literals and missing ones as NIL', async () => {
    harness().deliver('From: Jörg <j@x.test>\r\nSubject: Grüße\r\n\r\nx');
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 FETCH 3 ENVELOPE')).toEqual([
      `* 3 FETCH (ENVELOPE (NIL ${literal('Grüße')} ((${literal('Jörg')} NIL "j" "x.test")) ((${literal('Jörg')} NIL "j" "x.test")) ((${literal('Jörg')} NIL "j" "x.test")) NIL NIL NIL NIL NIL))`,
      'a1 OK FETCH completed',
    ]);
  });

  it('BODY.PEEK[] leaves \\Seen alone; BODY[] sets it and reports FLAGS', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 FETCH 1 BODY.PEEK[]')).toEqual([`* 1 FETCH (BODY[] ${literal(FIRST_MESSAGE)})`, 'a1 OK FETCH completed']);
    expect(await client.command('a2 FETCH 1 FLAGS')).toEqual(['* 1 FETCH (FLAGS ())', 'a2 OK FETCH completed']);
    expect(await client.command('a3 FETCH 1 BODY[]')).toEqual([`* 1 FETCH (BODY[] ${literal(FIRST_MESSAGE)} FLAGS (\\Seen))`, 'a3 OK FETCH completed']);
    expect(await client.command('a4 FETCH 1 (FLAGS BODY[TEXT])')).toEqual([`* 1 FETCH (FLAGS (\\Seen) BODY[TEXT] ${literal(TEXT1)})`, 'a4 OK FETCH completed']);
    expect([...(harness().inbox.messages[0]?.flags ?? [])]).toEqual(['\\Seen']);
  });

  it('RFC822 and RFC822.TEXT set \\Seen like BODY[]; RFC822.HEADER does not (RFC 3501 §6.4.5)', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 FETCH 1 RFC822.HEADER')).toEqual([`* 1 FETCH (RFC822.HEADER ${literal(HEADER1)})`, 'a1 OK FETCH completed']);
    expect(harness().inbox.messages[0]?.flags.size).toBe(0);
    expect(await client.command('a2 FETCH 1 RFC822')).toEqual([`* 1 FETCH (RFC822 ${literal(FIRST_MESSAGE)} FLAGS (\\Seen))`, 'a2 OK FETCH completed']);
    await client.command('a3 STORE 1 -FLAGS.SILENT (\\Seen)');
    expect(await client.command('a4 UID FETCH 1 RFC822.TEXT')).toEqual([`* 1 FETCH (UID 1 RFC822.TEXT ${literal(TEXT1)} FLAGS (\\Seen))`, 'a4 OK UID FETCH completed']);
    // Already \Seen: nothing changes, so no FLAGS is added.
    expect(await client.command('a5 FETCH 2 BODY[TEXT]<0.3>')).toEqual(['* 2 FETCH (BODY[TEXT]<0> {3}\r\n--b)', 'a5 OK FETCH completed']);
  });

  it('never sets \\Seen in a mailbox opened with EXAMINE', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 FETCH 1 (RFC822.TEXT)')).toEqual([`* 1 FETCH (RFC822.TEXT ${literal(TEXT1)})`, 'a1 OK FETCH completed']);
    expect(harness().inbox.messages[0]?.flags.size).toBe(0);
  });

  it('fetches header sections, field subsets and partial ranges', async () => {
    const client = await harness().loggedIn('EXAMINE');
    const fields = 'From: "Doe, John" <john@customer.test>\r\nTo: Sales <sales@acme.test>, b@acme.test\r\n\r\n';
    expect(await client.command('a1 FETCH 1 (BODY.PEEK[HEADER] BODY.PEEK[HEADER.FIELDS (to From)])')).toEqual([
      `* 1 FETCH (BODY[HEADER] ${literal(HEADER1)} BODY[HEADER.FIELDS (TO FROM)] ${literal(fields)})`,
      'a1 OK FETCH completed',
    ]);
    const rest = HEADER1.split('\r\n').filter((line) => line !== '' && !/^(Subject|Date|Cc):/.test(line)).join('\r\n');
    expect(await client.command('a2 FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (SUBJECT DATE CC)]')).toEqual([
      `* 1 FETCH (BODY[HEADER.FIELDS.NOT (SUBJECT DATE CC)] ${literal(`${rest}\r\n\r\n`)})`,
      'a2 OK FETCH completed',
    ]);
    expect(await client.command('a3 FETCH 1 (BODY.PEEK[]<0.10> BODY.PEEK[TEXT]<7.6> BODY.PEEK[]<99999.5>)')).toEqual([
      `* 1 FETCH (BODY[]<0> ${literal('Date: Mon,')} BODY[TEXT]<7> ${literal('please')} BODY[]<99999> {0}\r\n)`,
      'a3 OK FETCH completed',
    ]);
    expect(await client.command('a4 FETCH 1 RFC822.HEADER')).toEqual([`* 1 FETCH (RFC822.HEADER ${literal(HEADER1)})`, 'a4 OK FETCH completed']);
  });

  it('fetches MIME parts by number and describes the structure', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 FETCH 2 (BODY.PEEK[1] BODY.PEEK[2] BODY.PEEK[2.MIME] BODY.PEEK[3])')).toEqual([
      '* 2 FETCH (BODY[1] {13}\r\nSee attached. BODY[2] {8}\r\nJVBERi0= ' +
        `BODY[2.MIME] ${literal('Content-Type: application/pdf; name="invoice.pdf"\r\nContent-Disposition: attachment; filename="invoice.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n')} ` +
        'BODY[3] NIL)',
      'a1 OK FETCH completed',
    ]);
    expect(await client.command('a2 FETCH 1:2 BODYSTRUCTURE')).toEqual([
      '* 1 FETCH (BODYSTRUCTURE ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 38 1 NIL NIL NIL NIL))',
      '* 2 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 13 1 NIL NIL NIL NIL)' +
        '("application" "pdf" ("name" "invoice.pdf") NIL NIL "base64" 8 NIL ("attachment" ("filename" "invoice.pdf")) NIL NIL) "mixed" ("boundary" "b1") NIL NIL NIL))',
      'a2 OK FETCH completed',
    ]);
    expect(await client.command('a3 FETCH 1 BODY.PEEK[1]')).toEqual([`* 1 FETCH (BODY[1] ${literal(TEXT1)})`, 'a3 OK FETCH completed']);
  });

  it('expands the ALL, FAST and FULL macros', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 FETCH 1 FAST')).toEqual([`* 1 FETCH (FLAGS () INTERNALDATE ${DATE} RFC822.SIZE ${SIZE1})`, 'a1 OK FETCH completed']);
    expect(await client.command('a2 FETCH 1 ALL')).toEqual([`* 1 FETCH (FLAGS () INTERNALDATE ${DATE} RFC822.SIZE ${SIZE1} ENVELOPE ${ENVELOPE1})`, 'a2 OK FETCH completed']);
    expect(await client.command('a3 FETCH 1 FULL')).toEqual([
      `* 1 FETCH (FLAGS () INTERNALDATE ${DATE} RFC822.SIZE ${SIZE1} ENVELOPE ${ENVELOPE1} BODY ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 38 1))`,
      'a3 OK FETCH completed',
    ]);
  });

  it('UID FETCH always includes the UID; UIDs that match nothing are not an error', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 UID FETCH 1:* FLAGS')).toEqual(['* 1 FETCH (UID 1 FLAGS ())', '* 2 FETCH (UID 2 FLAGS (\\Seen))', 'a1 OK UID FETCH completed']);
    // "n:*" always includes the last message (RFC 3501 §6.4.8).
    expect(await client.command('a2 UID FETCH 7:* (UID)')).toEqual(['* 2 FETCH (UID 2)', 'a2 OK UID FETCH completed']);
    expect(await client.command('a3 UID FETCH 100 FLAGS')).toEqual(['a3 OK UID FETCH completed']);
  });

  it('answers BAD for sequence numbers out of range and unknown items', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 FETCH 3 FLAGS')).toEqual(['a1 BAD Invalid message sequence number']);
    expect(await client.command('a2 FETCH 0 FLAGS')).toEqual(['a2 BAD Invalid sequence set "0"']);
    expect(await client.command('a3 FETCH 1 (FLAGS FOO)')).toEqual(['a3 BAD Unknown FETCH item FOO']);
    expect(await client.command('a4 FETCH 1 (ALL)')).toEqual(['a4 BAD ALL is a macro and cannot be combined with other items']);
    expect(await client.command('a5 FETCH 1 BINARY[]')).toEqual(['a5 BAD BINARY[] is not supported']);
    expect(await client.command('a6 FETCH 1 BODY[HEADER.FIELDS]')).toEqual(['a6 BAD HEADER.FIELDS needs a list of header field names']);
    expect(await client.command('a7 FETCH 1')).toEqual(['a7 BAD Invalid arguments for FETCH, expected: FETCH sequence-set items']);
    await client.command('a8 SELECT Drafts');
    expect(await client.command('a9 FETCH 1:* FLAGS')).toEqual(['a9 BAD Invalid message sequence number']);
    expect(await client.command('a10 UID FETCH 1:* FLAGS')).toEqual(['a10 OK UID FETCH completed']);
  });
});

describe('IMAP STORE', () => {
  it('adds, removes and replaces flags, silently when asked', async () => {
    const client = await harness().loggedIn('SELECT');
    expect(await client.command('a1 STORE 1 +FLAGS (\\flagged $Label)')).toEqual([
      '* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Label)',
      '* OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Label \\*)] Flags permitted',
      '* 1 FETCH (FLAGS (\\Flagged $Label))',
      'a1 OK STORE completed',
    ]);
    expect(await client.command('a2 STORE 1:2 -FLAGS.SILENT \\Seen')).toEqual(['a2 OK STORE completed']);
    expect(await client.command('a3 UID STORE 2 FLAGS (\\Answered \\Recent)')).toEqual(['* 2 FETCH (UID 2 FLAGS (\\Answered))', 'a3 OK UID STORE completed']);
    expect(await client.command('a4 FETCH 1:2 FLAGS')).toEqual(['* 1 FETCH (FLAGS (\\Flagged $Label))', '* 2 FETCH (FLAGS (\\Answered))', 'a4 OK FETCH completed']);
    expect(await client.command('a5 STORE 1 +FLAGS (\\Bogus)')).toEqual(['a5 BAD Unknown system flag \\Bogus']);
    expect(await client.command('a6 STORE 1 PLUSFLAGS (\\Seen)')).toEqual(['a6 BAD Invalid arguments for STORE, expected: STORE sequence-set [+|-]FLAGS[.SILENT] (flag ...)']);
  });

  it('refuses to change a mailbox opened with EXAMINE', async () => {
    const client = await harness().loggedIn('EXAMINE');
    expect(await client.command('a1 STORE 1 +FLAGS (\\Seen)')).toEqual(['a1 NO [READ-ONLY] Mailbox is read-only']);
  });
});
