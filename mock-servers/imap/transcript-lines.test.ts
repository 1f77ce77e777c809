import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, transcriptLines } from './transcript-lines.ts';

const body = (octets: number) => {
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit\r\n';
  return `Return-Path: <alice@client.test>\r\nSubject: Big\r\n\r\n${line.repeat(Math.ceil(octets / line.length))}`.slice(0, octets);
};

describe('transcript lines', () => {
  it('keeps a short literal line by line, as it was sent', () => {
    const literal = 'Subject: Hi\r\n\r\nHello\r\n';
    const response = Buffer.from(`* 1 FETCH (UID 7 BODY[] {${Buffer.byteLength(literal)}}\r\n${literal})\r\n`);
    expect(transcriptLines(response)).toEqual(['* 1 FETCH (UID 7 BODY[] {22}', 'Subject: Hi', '', 'Hello', ')']);
  });

  it('writes a literal over 1 KiB as its size and first line, and goes on after it', () => {
    const literal = body(52_341);
    const response = Buffer.from(`* 3 FETCH (UID 9 BODY[] {52341}\r\n${literal} FLAGS (\\Seen))\r\n* 4 FETCH (UID 10 FLAGS ())\r\n`);
    expect(transcriptLines(response)).toEqual([
      '* 3 FETCH (UID 9 BODY[] {52341}',
      '{52341 bytes} Return-Path: <alice@client.test>',
      ' FLAGS (\\Seen))',
      '* 4 FETCH (UID 10 FLAGS ())',
    ]);
  });

  it('cuts a long first line, and reads a client literal of LITERAL+ ({n+}) the same way', () => {
    const literal = 'x'.repeat(5000);
    const command = Buffer.from(`A1 APPEND INBOX (\\Seen) {5000+}\r\n${literal}\r\n`);
    expect(transcriptLines(command)).toEqual(['A1 APPEND INBOX (\\Seen) {5000+}', `{5000 bytes} ${'x'.repeat(200)}…`, '']);
  });

  it('does not take braces inside a short literal for a literal of their own', () => {
    const literal = 'a line ending in {2000}\r\nnext';
    const response = Buffer.from(`* 1 FETCH (BODY[TEXT] {${literal.length}}\r\n${literal})\r\nA1 OK done\r\n`);
    expect(transcriptLines(response)).toEqual([`* 1 FETCH (BODY[TEXT] {${literal.length}}`, 'a line ending in {2000}', 'next)', 'A1 OK done']);
  });

  it('keeps a literal of exactly 1 KiB and elides one octet more', () => {
    const at = (octets: number) => transcriptLines(Buffer.from(`* 1 FETCH (BODY[] {${octets}}\r\n${'y'.repeat(octets)})\r\n`));
    expect(at(1024)).toEqual(['* 1 FETCH (BODY[] {1024}', `${'y'.repeat(1024)})`]);
    expect(at(1025)).toEqual(['* 1 FETCH (BODY[] {1025}', `{1025 bytes} ${'y'.repeat(200)}…`, ')']);
  });

  it('survives a literal announced longer than what was written', () => {
    expect(transcriptLines(Buffer.from('* 1 FETCH (BODY[] {999999}\r\nFrom: a\r\n'))).toEqual(['* 1 FETCH (BODY[] {999999}', '{999999 bytes} From: a']);
  });

  it('is the plain line split wherever no literal is long (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', ' ', '{', '}', '1', '+', 'ż', '\r', '\n'), maxLength: 30 });
    const piece = fc.oneof(
      line.map((text) => `${text.replace(/\r\n/g, '')}\r\n`),
      fc.string({ maxLength: 40 }).map((text) => `* 1 FETCH (BODY[] {${Buffer.byteLength(text)}}\r\n${text})\r\n`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const bytes = Buffer.from(pieces.join(''));
        expect(transcriptLines(bytes)).toEqual(splitLines(bytes.toString('utf8')));
      }),
    );
  });
});
