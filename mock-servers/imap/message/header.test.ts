import { describe, expect, it } from 'vitest';
import { headerValue, headerValues, splitMessage } from './header.ts';

describe('splitMessage', () => {
  it('splits at the blank line, keeps field octets and unfolds values', () => {
    const raw = Buffer.from('Subject: a long\r\n  folded subject\r\nX-Two: 1\r\nx-two: 2\r\n\r\nbody\r\n\r\nmore\r\n');
    const parts = splitMessage(raw);
    expect(parts.header.toString()).toBe('Subject: a long\r\n  folded subject\r\nX-Two: 1\r\nx-two: 2\r\n\r\n');
    expect(parts.body.toString()).toBe('body\r\n\r\nmore\r\n');
    expect(parts.fields.map((f) => [f.name, f.value, f.bytes.toString()])).toEqual([
      ['Subject', 'a long  folded subject', 'Subject: a long\r\n  folded subject\r\n'],
      ['X-Two', '1', 'X-Two: 1\r\n'],
      ['x-two', '2', 'x-two: 2\r\n'],
    ]);
    expect(headerValue(parts, 'SUBJECT')).toBe('a long  folded subject');
    expect(headerValues(parts, 'X-TWO')).toEqual(['1', '2']);
    expect(headerValue(parts, 'From')).toBeUndefined();
  });

  it.each([
    ['no blank line: all header', 'Subject: x\r\n', 'Subject: x\r\n', ''],
    ['no header at all', '\r\nbody', '\r\n', 'body'],
    ['bare LF line ends', 'Subject: x\n\nbody\n', 'Subject: x\n\n', 'body\n'],
    ['empty message', '', '', ''],
  ])('%s', (_name, raw, header, body) => {
    const parts = splitMessage(Buffer.from(raw));
    expect([parts.header.toString(), parts.body.toString()]).toEqual([header, body]);
  });
});
