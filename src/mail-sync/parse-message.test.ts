import { describe, expect, it } from 'vitest';
import { PARSER_OPTIONS, parseMessage } from './parse-message.ts';

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseMessage', () => {
  it('reads addresses, ids, the Date header and decodes RFC 2047 words', async () => {
    const parsed = await parseMessage(raw([
      'From: =?UTF-8?Q?Jan_Kowalski_=C5=BC?= <jan@client.test>',
      'Reply-To: orders@client.test',
      'To: Sales <sales@acme.test>, "Doe, J." <j@acme.test>',
      'Cc: Team: a@x.test, b@x.test;',
      'Subject: =?UTF-8?B?WmFweXRhbmllIG8gb2ZlcnTEmQ==?=',
      'Message-ID: <m1@client.test>',
      'In-Reply-To: <crm.activity.7@acme.test>',
      'References: <a@x> <crm.activity.7@acme.test>',
      'Date: Mon, 02 Mar 2026 09:15:00 +0100',
      '',
      'Body text',
    ]));
    expect(parsed).toMatchObject({
      messageId: '<m1@client.test>',
      inReplyTo: '<crm.activity.7@acme.test>',
      references: ['<a@x>', '<crm.activity.7@acme.test>'],
      subject: 'Zapytanie o ofertę',
      from: [{ name: 'Jan Kowalski ż', address: 'jan@client.test' }],
      replyTo: [{ address: 'orders@client.test' }],
      to: [{ name: 'Sales', address: 'sales@acme.test' }, { name: 'Doe, J.', address: 'j@acme.test' }],
      cc: [{ address: 'a@x.test' }, { address: 'b@x.test' }],
      text: 'Body text',
    });
    expect(parsed.date?.toISOString()).toBe('2026-03-02T08:15:00.000Z');
  });

  it('R2.8 reads a single References id, and a References header folded over lines, oldest first', async () => {
    const single = await parseMessage(raw(['From: a@x.test', 'References: <only@x>', 'In-Reply-To: <only@x>', '', 'x']));
    expect(single).toMatchObject({ references: ['<only@x>'], inReplyTo: '<only@x>' });
    const folded = await parseMessage(raw(['From: a@x.test', 'References: <a@x>', ' <b@x>', '\t<c@x>', '', 'x']));
    expect(folded.references).toEqual(['<a@x>', '<b@x>', '<c@x>']);
    const none = await parseMessage(raw(['From: a@x.test', '', 'x']));
    expect(none.references).toEqual([]);
    expect(none.inReplyTo).toBeUndefined();
    expect(none.replyTo).toEqual([]);
  });

  it('leaves the date undefined when the header is missing, instead of inventing one', async () => {
    const parsed = await parseMessage(raw(['From: a@x.test', 'Subject: no date', '', 'x']));
    expect(parsed.date).toBeUndefined();
    expect(parsed.subject).toBe('no date');
  });

  it('still yields what it can from a malformed message', async () => {
    const parsed = await parseMessage(Buffer.from('this is not\x00 a mail\r\nFrom broken\r\n\r\n\xff\xfe'));
    expect(parsed.from).toEqual([]);
    expect(parsed.subject).toBe('');
  });
});

describe('parseMessage without the attachments’ bodies', () => {
  it('reads the same message as mailparser reads the whole of it', async () => {
    const { simpleParser } = await import('mailparser');
    const fc = (await import('fast-check')).default;
    const { breakArb, render, treeArb } = await import('./testing/mime-trees.ts');
    const { scanMime, scanMimeStructure } = await import('./mime-scan.ts');
    let cut = 0;
    await fc.assert(
      fc.asyncProperty(treeArb, breakArb, async (tree, nl) => {
        const raw = Buffer.from(`From: a@client.test${nl}Subject: Oferta${nl}Message-ID: <1@client.test>${nl}${render(tree, nl)}`, 'latin1');
        // A message with a problem is parsed whole (mime-scan.ts); its text may be the body as sent.
        if (scanMime(raw).length > 0) return;
        const whole = await simpleParser(raw, PARSER_OPTIONS);
        const parsed = await parseMessage(raw);
        expect(parsed.text).toBe(whole.text || undefined);
        expect(parsed.html).toBe(typeof whole.html === 'string' ? whole.html : undefined);
        expect(parsed.subject).toBe(whole.subject);
        if (scanMimeStructure(raw).attachmentBodies.length > 0) cut++;
      }),
      { numRuns: 1000 },
    );
    expect(cut).toBeGreaterThan(5); // the property did meet messages whose attachments were left out
  });
});
