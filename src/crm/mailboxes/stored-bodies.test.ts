import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepBodiesCompact, readBody, storeBody } from './stored-bodies.ts';

/** Text as mail brings it: ASCII, Polish letters, emoji (surrogate pairs), and lone surrogates. */
const bodyArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom('zażółć ', 'gęślą ', 'jaźń ', 'faktura ', '\r\n', '😀', '\uD800', '\uDC00', '“ok”'), { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('stored message bodies', () => {
  it('read back exactly what was stored, whatever the characters', () => {
    fc.assert(fc.property(bodyArb, (text) => {
      expect(readBody(storeBody(text))).toBe(text);
    }), { numRuns: 3000 });
  });

  it('keep a body of Polish mail in one byte a character, not two', () => {
    const text = 'Dzień dobry, proszę o wycenę. '.repeat(100);
    const stored = storeBody(text);
    expect(stored.kept.length).toBeLessThan(text.length * 1.1);
    expect(/^[\u0000-\u00ff]*$/.test(stored.kept)).toBe(true);
  });

  it('leave text and html ordinary enumerable properties to every reader', () => {
    fc.assert(
      fc.property(fc.option(bodyArb, { nil: undefined }), fc.option(bodyArb, { nil: undefined }), (text, html) => {
        const plain = { id: 1, subject: 'Oferta', ...(text !== undefined && { text }), ...(html !== undefined && { html }) };
        const kept = keepBodiesCompact({ ...plain });
        expect(kept).toEqual(plain);
        expect({ ...kept }).toEqual(plain);
        expect(Object.keys(kept)).toEqual(Object.keys(plain));
        expect(JSON.parse(JSON.stringify(kept))).toEqual(JSON.parse(JSON.stringify(plain)));
      }),
      { numRuns: 500 },
    );
  });

  it('share the bodies of the record they come from, and drop those it does not have', () => {
    const message = keepBodiesCompact({ id: 7, text: 'Dzień dobry', html: '<p>Dzień dobry</p>' });
    const activity = keepBodiesCompact({ id: 1, text: 'left over' } as { id: number; text?: string; html?: string }, { from: message });
    expect(activity).toEqual({ id: 1, text: 'Dzień dobry', html: '<p>Dzień dobry</p>' });
    const withoutBodies = keepBodiesCompact({ id: 2, text: 'left over' } as { id: number; text?: string }, { from: {} });
    expect(withoutBodies).toEqual({ id: 2 });
  });

  it('keep a replaced record’s body when it did not change, and the new one when it did', () => {
    const before = keepBodiesCompact({ id: 1, text: 'gęś', html: '<b>gęś</b>' });
    const same = keepBodiesCompact({ ...before, completed: true }, { previous: before });
    expect(same).toEqual({ id: 1, text: 'gęś', html: '<b>gęś</b>', completed: true });
    const changed = keepBodiesCompact({ ...before, text: 'łoś' }, { previous: before });
    expect(changed).toEqual({ id: 1, text: 'łoś', html: '<b>gęś</b>' });
  });
});
