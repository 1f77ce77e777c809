import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceUntaggedLine, referenceValues } from '../test-support/reference-writer.ts';
import { concat, encodeString, encodeValues, list, literal, nil, preEncoded, raw, str, untaggedLine, type WireValue } from './writer.ts';

/** Any UTF-16 text, lone surrogates included, which encode as U+FFFD. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 });
/** Text that favours the characters where quoting decides: quotes, backslashes, CR, LF, 8-bit. */
const trickyText = fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\r', '\n', '\0', 'é', '😀', '\uD83D', '\uDE00', '{'), maxLength: 12 });
const octets = fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes));

const leaf: fc.Arbitrary<WireValue> = fc.oneof(
  fc.oneof(anyText, trickyText).map(raw),
  fc.oneof(anyText, trickyText).map((text) => str(text)),
  octets.map((bytes) => str(bytes)),
  octets.map(literal),
  fc.constant(nil),
);

const tree = fc.letrec<{ value: WireValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }).map(list),
    fc.array(tie('value'), { maxLength: 4 }).map(concat),
  ),
})).value;

/** The same tree with some lists rendered ahead of time, as cached FETCH items are. */
function withPreEncoded(value: WireValue, depth = 0): WireValue {
  if (value.kind === 'list') return depth % 2 === 1 ? preEncoded(value) : list(value.items.map((item) => withPreEncoded(item, depth + 1)));
  if (value.kind === 'concat') return concat(value.items.map((item) => withPreEncoded(item, depth + 1)));
  return value;
}

describe('response writer properties', () => {
  it('writes any values exactly as the straightforward token-by-token encoding does', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (values) => {
        expect(encodeValues(values).equals(referenceValues(values))).toBe(true);
        expect(untaggedLine(values).equals(referenceUntaggedLine(values))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes values rendered ahead of time exactly as the values themselves', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (values) => {
        expect(untaggedLine(values.map((value) => withPreEncoded(value))).equals(referenceUntaggedLine(values))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('quotes a string only when every octet is printable ASCII, otherwise sends a literal of its octets', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, trickyText), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        const wire = encodeString(text);
        if (bytes.every((byte) => byte >= 0x20 && byte <= 0x7e)) expect(wire.toString('latin1')).toMatch(/^"([^"\\]|\\["\\])*"$/);
        else expect(wire.equals(Buffer.concat([Buffer.from(`{${bytes.length}}\r\n`), bytes]))).toBe(true);
      }),
    );
  });
});
