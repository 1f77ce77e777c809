import { describe, expect, it } from 'vitest';
import { findPart, parseMime } from './mime.ts';

const NESTED = [
  'Content-Type: multipart/mixed; boundary=outer',
  '',
  'preamble',
  '--outer',
  '',
  'first part, default text/plain',
  '--outer',
  'Content-Type: message/rfc822',
  '',
  'Subject: inner',
  'Content-Type: multipart/alternative; boundary="in ner"',
  '',
  '--in ner',
  'Content-Type: text/plain',
  '',
  'plain',
  '--in ner',
  'Content-Type: text/html',
  '',
  '<p>html</p>',
  '--in ner--',
  '--outer--',
  'epilogue',
].join('\r\n');

describe('parseMime and findPart', () => {
  const root = parseMime(Buffer.from(NESTED));
  const body = (path: number[]) => findPart(root, path)?.parts.body.toString();

  it('reads the tree, with defaults for parts that declare no type', () => {
    expect([root.type, root.subtype, root.children.length]).toEqual(['multipart', 'mixed', 2]);
    expect(root.children.map((child) => `${child.type}/${child.subtype}`)).toEqual(['text/plain', 'message/rfc822']);
    expect(root.children[0]?.contentType.params).toEqual([['charset', 'us-ascii']]);
    expect(root.children[1]?.message?.children.map((child) => child.subtype)).toEqual(['plain', 'html']);
  });

  it('numbers parts as RFC 3501 §6.4.5 does, stepping into message/rfc822', () => {
    expect(body([1])).toBe('first part, default text/plain');
    expect(body([2, 1])).toBe('plain');
    expect(body([2, 2])).toBe('<p>html</p>');
    expect(body([2])?.startsWith('Subject: inner')).toBe(true);
    expect(findPart(root, [3])).toBeUndefined();
    expect(findPart(root, [2, 3])).toBeUndefined();
  });

  it('gives a single-part message only part 1, itself', () => {
    const single = parseMime(Buffer.from('Subject: x\r\n\r\nbody'));
    expect(findPart(single, [1])?.parts.body.toString()).toBe('body');
    expect(findPart(single, [2])).toBeUndefined();
  });

  it('treats a multipart without its closing delimiter leniently', () => {
    const cut = parseMime(Buffer.from('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo'));
    expect(cut.children.map((child) => child.parts.body.toString())).toEqual(['one', 'two']);
  });
});
