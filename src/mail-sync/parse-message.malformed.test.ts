import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message.ts';

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'));
const codes = (parsed: { readingProblems: readonly { code: string }[] }) => parsed.readingProblems.map((p) => p.code).sort();
const WELL_FORMED_HEAD = ['From: jan@client.test', 'To: sales@acme.test', 'Message-ID: <m@client.test>', 'Date: Mon, 02 Mar 2026 09:00:00 +0000'];

describe('parseMessage on malformed mail: reads what it can, names what it cannot', () => {
  it('a well-formed message has no reading problems', async () => {
    expect(codes(await parseMessage(raw([...WELL_FORMED_HEAD, 'Subject: Fine', '', 'Hello'])))).toEqual([]);
  });

  it('no From: no sender and no problem to explain (the CRM says "no sender")', async () => {
    const parsed = await parseMessage(raw(['To: sales@acme.test', 'Subject: Anonymous', 'Message-ID: <a@x.test>', '', 'Hi']));
    expect(parsed.from).toEqual([]);
    expect(codes(parsed)).toEqual([]);
  });

  it('an unparsable From gives no sender address and names the field as written', async () => {
    for (const from of ['<<<@@@>>>', 'Just A Name', 'jan at client dot test']) {
      const parsed = await parseMessage(raw([`From: ${from}`, 'Subject: Odd sender', 'Message-ID: <a@x.test>', '', 'Hi']));
      expect(parsed.from, from).toEqual([]);
      expect(parsed.readingProblems, from).toEqual([{ code: 'sender-unreadable', detail: from }]);
    }
  });

  it('R5.1: an unreadable Date stays undefined (mailparser would put the parsing time there) and is named', async () => {
    const parsed = await parseMessage(raw(['From: jan@client.test', 'Date: yesterday-ish', 'Message-ID: <a@x.test>', 'Subject: When?', '', 'Hi']));
    expect(parsed.date).toBeUndefined();
    expect(parsed.readingProblems).toEqual([{ code: 'date-unreadable', detail: 'yesterday-ish' }]);
  });

  it('R1.5: no Message-ID is named, so the CRM knows to tell the message apart by its content', async () => {
    const parsed = await parseMessage(raw(['From: jan@client.test', 'Subject: No id', '', 'Hi']));
    expect(parsed.messageId).toBeUndefined();
    expect(codes(parsed)).toEqual(['no-message-id']);
  });

  it('a multipart body whose boundary never appears keeps the body as sent', async () => {
    const parsed = await parseMessage(raw([...WELL_FORMED_HEAD, 'Subject: Parts', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="zzz"', '', '--yyy', 'Content-Type: text/plain', '', 'The offer text', '--yyy--', '']));
    expect(parsed.readingProblems).toEqual([{ code: 'broken-mime', detail: 'boundary "zzz" not found' }]);
    expect(parsed.text).toContain('The offer text');
  });

  it('truncated base64 decodes what is there and is named', async () => {
    const parsed = await parseMessage(raw([...WELL_FORMED_HEAD, 'Subject: Cut', 'Content-Transfer-Encoding: base64', '', 'aGVsbG8gd29y', 'bG', '']));
    expect(parsed.text).toContain('hello wor');
    expect(codes(parsed)).toEqual(['broken-base64']);
  });

  it('a damaged part inside a well-formed multipart is found too', async () => {
    const parsed = await parseMessage(raw([
      ...WELL_FORMED_HEAD, 'Subject: Nested', 'Content-Type: multipart/mixed; boundary=b1', '',
      '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Readable', '--b1', 'Content-Type: text/plain; charset=x-klingon', 'Content-Transfer-Encoding: base64', '', 'QUJD*', '--b1--', '',
    ]));
    expect(parsed.text).toContain('Readable');
    expect(codes(parsed)).toEqual(['broken-base64', 'unknown-charset']);
    expect(parsed.readingProblems.find((p) => p.code === 'unknown-charset')?.detail).toBe('x-klingon');
  });

  it('8-bit header bytes that are not UTF-8 are read byte for byte (ISO-8859-1), so nothing is lost', async () => {
    const head = Buffer.from('From: Za\xbf\xf3\xb3\xe6 <jan@client.test>\r\nSubject: Oferta \xbf\r\nMessage-ID: <a@x.test>\r\n\r\nHi\r\n', 'latin1');
    const parsed = await parseMessage(head);
    expect(parsed.from).toEqual([{ name: 'Za\u00bf\u00f3\u00b3\u00e6', address: 'jan@client.test' }]);
    expect(parsed.subject).toBe('Oferta \u00bf');
    expect(codes(parsed)).toEqual(['header-8bit']);
  });

  it('UTF-8 in headers (RFC 6532) is read as UTF-8 and is no problem', async () => {
    const parsed = await parseMessage(Buffer.from('From: Zażółć <jan@client.test>\r\nSubject: Gęślą\r\nMessage-ID: <a@x.test>\r\n\r\nHi\r\n', 'utf8'));
    expect(parsed.subject).toBe('Gęślą');
    expect(codes(parsed)).toEqual([]);
  });

  it('a header block over the parser\'s 1 MiB limit is unparsable, yet its subject and sender are still read', async () => {
    const padding = Array.from({ length: 20_000 }, (_, i) => `X-Padding-${i}: ${'x'.repeat(60)}`);
    const parsed = await parseMessage(raw(['From: Jan <jan@client.test>', 'Subject: Huge header', ...padding, '', 'Hi']));
    expect(codes(parsed)).toEqual(['no-message-id', 'unparsable']);
    expect(parsed.readingProblems.find((p) => p.code === 'unparsable')?.detail).toMatch(/header size/i);
    expect(parsed).toMatchObject({ subject: 'Huge header', from: [{ name: 'Jan', address: 'jan@client.test' }] });
    expect(parsed.text).toBeUndefined();
  });

  it('thousands of nested parts are unparsable and never throw', async () => {
    const nested = Array.from({ length: 1500 }, (_, i) => `--a${i}\r\nContent-Type: multipart/mixed; boundary=a${i + 1}\r\n`).join('\r\n');
    const parsed = await parseMessage(Buffer.from(`From: jan@client.test\r\nSubject: Deep\r\nContent-Type: multipart/mixed; boundary=a0\r\n\r\n${nested}`));
    expect(parsed.subject).toBe('Deep');
    expect(codes(parsed)).toContain('unparsable');
  });

  it('an empty message and an empty body never throw', async () => {
    const empty = await parseMessage(Buffer.alloc(0));
    expect(empty).toMatchObject({ subject: '', from: [], references: [] });
    const noBody = await parseMessage(raw([...WELL_FORMED_HEAD, 'Subject: Nothing to say', '', '']));
    expect(noBody.text).toBeUndefined();
    expect(codes(noBody)).toEqual([]);
  });
});
