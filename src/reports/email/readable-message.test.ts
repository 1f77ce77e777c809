import { describe, expect, it } from 'vitest';
import { RAW_LIMIT, readableMessage } from './readable-message.ts';

const MESSAGE = [
  'From: =?UTF-8?Q?Jan_Kowalski?= <jan@client.test>', 'To: sales@acme.test', 'Subject: =?UTF-8?Q?Zapytanie_o_ofert=C4=99?=',
  'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/html; charset=utf-8', '', '<p>Dzień dobry</p>', '--b',
  'Content-Type: text/plain; name="note.txt"', 'Content-Disposition: attachment; filename="note.txt"', '', 'hello', '--b--', '',
].join('\r\n');

describe('readableMessage', () => {
  it('gives the headers decoded, the bodies, and the attachments by name and size', async () => {
    const message = await readableMessage(MESSAGE);
    expect(message.subject).toBe('Zapytanie o ofertę');
    // The fields as written, encoded-words decoded (RFC 2047): the mail server's page reads them the same.
    expect(message.headers.slice(0, 3)).toEqual([
      { name: 'From', value: 'Jan Kowalski <jan@client.test>' },
      { name: 'To', value: 'sales@acme.test' },
      { name: 'Subject', value: 'Zapytanie o ofertę' },
    ]);
    expect(message.html).toBe('<p>Dzień dobry</p>');
    expect(message.attachments).toEqual([{ fileName: 'note.txt', contentType: 'text/plain', size: 5 }]);
    expect(message.raw).toBe(MESSAGE);
    expect(message.rawTruncated).toBe(false);
  });

  it('keeps a long raw source cut at the limit, saying so', async () => {
    const long = `Subject: big\r\n\r\n${'x'.repeat(RAW_LIMIT + 10)}`;
    const message = await readableMessage(Buffer.from(long));
    expect(message.raw).toHaveLength(RAW_LIMIT);
    expect(message.rawTruncated).toBe(true);
    expect(message.text?.length).toBeGreaterThan(RAW_LIMIT);
  });
});
