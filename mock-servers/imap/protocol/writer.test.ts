import { describe, expect, it } from 'vitest';
import { concat, continuationLine, encodeString, encodeValues, list, literal, nil, nstr, num, preEncoded, raw, statusLine, str, untaggedLine } from './writer.ts';

const text = (buffer: Buffer) => buffer.toString('utf8');

describe('response writer', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['two\r\nlines', '{10}\r\ntwo\r\nlines'],
    ['żółw', '{7}\r\nżółw'],
    ['tab\there', '{8}\r\ntab\there'],
  ])('encodes the string %j', (value, wire) => {
    expect(text(encodeString(value))).toBe(wire);
  });

  it('writes nested values, NIL and literals', () => {
    const values = [num(1), raw('FETCH'), list([raw('UID'), num(7), raw('ENVELOPE'), list([nil, str('Hi'), nstr(undefined)]), raw('BODY[]'), literal(Buffer.from('a\r\n'))])];
    expect(text(encodeValues(values))).toBe('1 FETCH (UID 7 ENVELOPE (NIL "Hi" NIL) BODY[] {3}\r\na\r\n)');
    expect(text(untaggedLine([num(3), raw('EXISTS')]))).toBe('* 3 EXISTS\r\n');
    expect(text(untaggedLine([raw('LIST'), list([]), str('/'), str('')]))).toBe('* LIST () "/" ""\r\n');
    expect(text(encodeValues([list([concat([list([str('a')]), list([str('b')])]), str('mixed')])]))).toBe('(("a")("b") "mixed")');
  });

  it('writes a value rendered ahead of time as it was rendered, literals and all', () => {
    const envelope = list([str('Zażółć'), str('"quoted"'), nil, literal(Buffer.from([0xff, 0x00]))]);
    const cached = preEncoded(envelope);
    expect(untaggedLine([num(1), raw('FETCH'), list([raw('ENVELOPE'), cached])]).toString('latin1')).toBe(
      `* 1 FETCH (ENVELOPE ({10}\r\n${Buffer.from('Zażółć').toString('latin1')} "\\"quoted\\"" NIL {2}\r\n\xff\x00))\r\n`,
    );
  });

  it('writes status and continuation lines on one line whatever the text', () => {
    expect(text(statusLine('a1', 'OK', 'Done'))).toBe('a1 OK Done\r\n');
    expect(text(statusLine('*', 'OK', 'UIDs valid', 'UIDVALIDITY 3'))).toBe('* OK [UIDVALIDITY 3] UIDs valid\r\n');
    expect(text(statusLine('a2', 'BAD', 'bad\r\nline'))).toBe('a2 BAD bad line\r\n');
    expect(text(continuationLine(''))).toBe('+ \r\n');
    expect(text(continuationLine('Ready for literal data'))).toBe('+ Ready for literal data\r\n');
  });
});
