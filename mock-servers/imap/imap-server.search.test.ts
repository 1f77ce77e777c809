import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support/fixtures.ts';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
  // A third message, three days later, flagged, with a larger body.
  harness.store.deliver(harness.account, harness.inbox, Buffer.from('Date: Thu, 5 Mar 2026 12:00:00 +0000\r\nFrom: john@customer.test\r\nSubject: Urgent\r\n\r\n' + 'x'.repeat(500)), {
    flags: ['\\Flagged', '$Hot'],
    internalDate: new Date('2026-03-05T12:00:00Z'),
  });
});
afterEach(async () => {
  await harness.close();
  expect(harness.internalErrors).toEqual([]);
});

describe('IMAP SEARCH and UID SEARCH', () => {
  it.each([
    ['ALL', '1 2 3'],
    ['SEEN', '2'],
    ['UNSEEN', '1 3'],
    ['FLAGGED', '3'],
    ['UNFLAGGED', '1 2'],
    ['ANSWERED', ''],
    ['UNANSWERED DELETED', ''],
    ['UNDELETED UNDRAFT', '1 2 3'],
    ['DRAFT', ''],
    ['KEYWORD $hot', '3'],
    ['UNKEYWORD $Hot', '1 2'],
    // No read-write session has seen the third yet: \Recent, which EXAMINE shows but does not take.
    ['NEW', '3'],
    ['OLD', '1 2'],
    ['RECENT', '3'],
    ['2:*', '2 3'],
    ['1,3', '1 3'],
    ['UID 2:3', '2 3'],
    ['FROM JOHN', '1 3'],
    ['FROM "doe, john"', '1'],
    ['TO sales@acme.test', '1 2'],
    ['CC "jörg"', '1'],
    ['BCC x', ''],
    ['SUBJECT "re: invoice"', '2'],
    ['HEADER Message-ID <m2@other.test>', '2'],
    ['HEADER In-Reply-To ""', '2'],
    ['BODY "price"', '1'],
    ['BODY attached', '2'],
    ['TEXT urgent', '3'],
    ['TEXT invoice.pdf', '2'],
    ['LARGER 500', '3'],
    ['SMALLER 500', '1 2'],
    ['SINCE 3-Mar-2026', '3'],
    ['BEFORE 3-Mar-2026', '1 2'],
    ['ON 2-Mar-2026', '1 2'],
    ['ON "5-Mar-2026"', '3'],
    ['SENTBEFORE 3-Mar-2026', '1'],
    ['SENTON 3-Mar-2026', '2'],
    ['SENTSINCE 3-Mar-2026', '2 3'],
    ['NOT SEEN', '1 3'],
    ['OR SEEN FLAGGED', '2 3'],
    ['NOT OR SEEN FLAGGED', '1'],
    ['(FROM john UNSEEN) SMALLER 400', '1'],
    ['OR (SEEN) (LARGER 10000)', '2'],
    ['CHARSET UTF-8 CC "Jörg"', '1'],
    ['charset us-ascii ALL', '1 2 3'],
  ])('SEARCH %s', async (criteria, found) => {
    const client = await harness.loggedIn('EXAMINE');
    expect(await client.command(`a1 SEARCH ${criteria}`)).toEqual([found ? `* SEARCH ${found}` : '* SEARCH', 'a1 OK SEARCH completed']);
  });

  it('returns UIDs for UID SEARCH and takes non-ASCII strings as literals', async () => {
    const client = await harness.loggedIn('EXAMINE');
    expect(await client.command('a1 UID SEARCH UNSEEN')).toEqual(['* SEARCH 1 3', 'a1 OK UID SEARCH completed']);
    client.send('a2 UID SEARCH CHARSET UTF-8 CC {5+}\r\nJörg\r\n');
    expect(await client.waitForTagged('a2')).toEqual(['* SEARCH 1', 'a2 OK UID SEARCH completed']);
  });

  it('answers BAD for unknown keys and bad arguments, NO for other charsets', async () => {
    const client = await harness.loggedIn('EXAMINE');
    expect(await client.command('a1 SEARCH FOO')).toEqual(['a1 BAD Unknown search key FOO']);
    expect(await client.command('a2 SEARCH SINCE yesterday')).toEqual(['a2 BAD SINCE needs a date like 1-Feb-2026']);
    expect(await client.command('a3 SEARCH LARGER')).toEqual(['a3 BAD LARGER needs an argument']);
    expect(await client.command('a4 SEARCH OR SEEN')).toEqual(['a4 BAD Missing search key']);
    expect(await client.command('a5 SEARCH')).toEqual(['a5 BAD SEARCH needs at least one search key']);
    expect(await client.command('a6 SEARCH CHARSET KOI8-R ALL')).toEqual(['a6 NO [BADCHARSET (UTF-8 US-ASCII)] Charset KOI8-R is not supported']);
    expect(await client.command('a7 SEARCH ' + 'NOT '.repeat(60) + 'ALL')).toEqual(['a7 BAD Search keys nested too deeply']);
    // 8-bit text is not an atom (RFC 3501 §9); it has to come quoted or as a literal.
    expect(await client.command('a8 SEARCH CC Jörg')).toEqual(['a8 BAD Unexpected character 0xc3']);
  });
});
