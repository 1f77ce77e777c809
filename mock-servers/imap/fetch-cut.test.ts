import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAfterFetchResponses } from './fetch-cut.ts';

const fetchWithBody = (seq: number, body: string) => `* ${seq} FETCH (UID ${seq} BODY[] {${Buffer.byteLength(body)}}\r\n${body})\r\n`;

describe('cutAfterFetchResponses', () => {
  it('keeps exactly the allowed FETCH responses, whatever the chunking', () => {
    const output = [Buffer.from('* 3 EXISTS\r\n'), Buffer.from('* 1 FETCH (UID 1)\r\n* 2 FETCH (UID 2)\r\n'), Buffer.from('* 3 FETCH (UID 3)\r\na OK done\r\n')];
    const cut = cutAfterFetchResponses(output, 2);
    expect(cut).toMatchObject({ cut: true, fetchResponses: 2 });
    expect(cut.kept.toString()).toBe('* 3 EXISTS\r\n* 1 FETCH (UID 1)\r\n* 2 FETCH (UID 2)\r\n');
    expect(cutAfterFetchResponses(output, 0).kept.toString()).toBe('* 3 EXISTS\r\n');
    expect(cutAfterFetchResponses(output, 3)).toMatchObject({ cut: false, fetchResponses: 3 });
  });

  it('never takes text inside a literal for a response', () => {
    const body = 'Subject: tricky\r\n\r\n* 9 FETCH (UID 9)\r\nends with {5}\r\n';
    const output = [Buffer.from(fetchWithBody(1, body) + fetchWithBody(2, 'x') + 'a OK\r\n')];
    const cut = cutAfterFetchResponses(output, 1);
    expect(cut.kept.toString()).toBe(fetchWithBody(1, body));
  });

  it('property: the kept bytes are a prefix holding min(allowed, total) whole FETCH responses', () => {
    const response = fc.oneof(
      fc.record({ fetch: fc.constant(true), body: fc.string({ unit: fc.constantFrom('a', '\r\n', '* 1 FETCH (', '{3}', ')', ' ') }) }),
      fc.record({ fetch: fc.constant(false), body: fc.constantFrom('* 4 EXISTS', '* 1 RECENT', '* 2 EXPUNGE', '* FLAGS (\\Seen)') }),
    );
    fc.assert(
      fc.property(fc.array(response, { maxLength: 12 }), fc.nat(14), fc.integer({ min: 1, max: 40 }), (responses, allowed, chunkSize) => {
        const texts = responses.map((r, i) => (r.fetch ? fetchWithBody(i + 1, r.body) : `${r.body}\r\n`));
        const all = Buffer.from(`${texts.join('')}t OK done\r\n`);
        const chunks: Buffer[] = [];
        for (let at = 0; at < all.length; at += chunkSize) chunks.push(all.subarray(at, at + chunkSize));
        const total = responses.filter((r) => r.fetch).length;
        const result = cutAfterFetchResponses(chunks, allowed);
        expect(result.cut).toBe(total > allowed);
        expect(result.fetchResponses).toBe(Math.min(total, allowed));
        expect(all.subarray(0, result.kept.length).equals(result.kept)).toBe(true);
        if (result.cut) {
          // The cut falls exactly where a FETCH response begins.
          const keptResponses = texts.filter((_, i) => Buffer.byteLength(texts.slice(0, i + 1).join('')) <= result.kept.length);
          expect(Buffer.byteLength(keptResponses.join(''))).toBe(result.kept.length);
        }
      }),
    );
  });
});
