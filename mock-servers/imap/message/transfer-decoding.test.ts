import { describe, expect, it } from 'vitest';
import { decodeCharset, decodeQuotedPrintable, decodeTransfer } from './transfer-decoding.ts';

describe('transfer decoding for SEARCH', () => {
  it('decodes base64 across line breaks and ignores stray characters', () => {
    expect(decodeTransfer(Buffer.from('xbzDs8WCdw==\r\n!', 'latin1'), ' Base64 ').toString('utf8')).toBe('żółw');
  });

  it('decodes quoted-printable: octets, soft line breaks, trailing space', () => {
    expect(decodeQuotedPrintable(Buffer.from('a=3Db=\r\nc  \r\nd=C5=BC=\nx')).toString('utf8')).toBe('a=bc\r\ndżx');
    expect(decodeQuotedPrintable(Buffer.from('50% =ZZ')).toString('latin1')).toBe('50% =ZZ');
  });

  it('leaves 7bit, 8bit and binary as they are', () => {
    const body = Buffer.from([0xff, 0x00]);
    expect(decodeTransfer(body, '8bit')).toBe(body);
    expect(decodeTransfer(body, undefined)).toBe(body);
  });

  it('reads declared charsets and falls back to UTF-8 for unknown ones', () => {
    expect(decodeCharset(Buffer.from([0xbf, 0xf3, 0xb3, 0x77]), 'iso-8859-2')).toBe('żółw');
    expect(decodeCharset(Buffer.from('żółw'), 'x-unknown')).toBe('żółw');
    expect(decodeCharset(Buffer.from('żółw'), undefined)).toBe('żółw');
  });
});
