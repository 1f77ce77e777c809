import { canQuote, type WireValue } from '../protocol/writer.ts';

/**
 * The straightforward encoding of response values (RFC 3501 §4, §9): each token to its own
 * Buffer, joined level by level. The writer builds responses far more cheaply; this is the
 * obviously right version its output must equal, octet for octet, in the property tests.
 */
export function referenceUntaggedLine(values: readonly WireValue[]): Buffer {
  return Buffer.concat([Buffer.from('* '), referenceValues(values), Buffer.from('\r\n')]);
}

export function referenceValues(values: readonly WireValue[]): Buffer {
  const pieces: Buffer[] = [];
  values.forEach((value, index) => {
    if (index > 0) pieces.push(Buffer.from(' '));
    pieces.push(referenceValue(value));
  });
  return Buffer.concat(pieces);
}

export function referenceValue(value: WireValue): Buffer {
  switch (value.kind) {
    case 'raw':
      return Buffer.from(value.text, 'utf8');
    case 'string': {
      const bytes = typeof value.value === 'string' ? Buffer.from(value.value, 'utf8') : value.value;
      if (canQuote(bytes)) return Buffer.from(`"${bytes.toString('latin1').replace(/["\\]/g, '\\$&')}"`, 'latin1');
      return referenceLiteral(bytes);
    }
    case 'literal':
      return referenceLiteral(value.value);
    case 'nil':
      return Buffer.from('NIL');
    case 'list':
      return Buffer.concat([Buffer.from('('), referenceValues(value.items), Buffer.from(')')]);
    case 'concat':
      return Buffer.concat(value.items.map(referenceValue));
    case 'encoded':
      return value.bytes;
  }
}

function referenceLiteral(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`{${bytes.length}}\r\n`), bytes]);
}
