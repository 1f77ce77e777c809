import { describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus.ts';

describe('buildCorpus', () => {
  const corpus = buildCorpus({ count: 200, seed: 7 });

  it('gives the same octets for the same seed, and other octets for another seed', () => {
    const again = buildCorpus({ count: 200, seed: 7 });
    expect(again.messages.map((m) => m.raw.toString('latin1'))).toEqual(corpus.messages.map((m) => m.raw.toString('latin1')));
    expect(buildCorpus({ count: 1, seed: 8 }).messages[0]!.raw.equals(corpus.messages[0]!.raw)).toBe(false);
  });

  it('counts its octets', () => {
    expect(corpus.totalBytes).toBe(corpus.messages.reduce((sum, m) => sum + m.raw.length, 0));
  });

  it('writes 7-bit messages with CRLF line ends and lines within RFC 5322 §2.1.1 limit of 998 octets', () => {
    for (const { raw } of corpus.messages) {
      expect(raw.every((octet) => octet < 0x80)).toBe(true);
      const text = raw.toString('latin1');
      expect(text).not.toMatch(/[^\r]\n/);
      expect(Math.max(...text.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(998);
    }
  });

  it('has the header fields a client asks for, and unique Message-IDs', () => {
    for (const message of corpus.messages) {
      const header = message.raw.toString('latin1').split('\r\n\r\n')[0]!;
      for (const field of ['Date', 'From', 'To', 'Subject', 'Message-ID', 'MIME-Version', 'Content-Type']) {
        expect(header).toMatch(new RegExp(`^${field}: `, 'm'));
      }
    }
    expect(new Set(corpus.messages.map((m) => m.messageId)).size).toBe(corpus.messages.length);
  });

  it('mixes plain, alternative and attachment-carrying mail, with realistic sizes', () => {
    const types = corpus.messages.map((m) => /^Content-Type: (\S+?);/m.exec(m.raw.toString('latin1'))![1]);
    for (const type of ['text/plain', 'multipart/alternative', 'multipart/mixed']) expect(types).toContain(type);
    const sizes = corpus.messages.map((m) => m.raw.length).sort((a, b) => a - b);
    expect(sizes[100]!).toBeGreaterThan(3_000);
    expect(sizes[100]!).toBeLessThan(30_000);
    expect(sizes[199]!).toBeGreaterThan(100_000);
  });

  it('dates the messages one after another and marks most of them read', () => {
    const dates = corpus.messages.map((m) => m.internalDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const seen = corpus.messages.filter((m) => m.flags.includes('\\Seen')).length;
    expect(seen).toBeGreaterThan(100);
    expect(seen).toBeLessThan(200);
  });
});
