/**
 * Response formatting (RFC 3501 §4, §7). Handlers describe responses as WireValue trees; only
 * this module decides how a string goes on the wire, so quoting rules live in one place.
 */
export type WireValue =
  /** Written verbatim: numbers, flags, item names, response codes, human text. */
  | { readonly kind: 'raw'; readonly text: string }
  /** A string: quoted when that is safe, otherwise a literal (RFC 3501 §4.3). */
  | { readonly kind: 'string'; readonly value: string | Buffer }
  /** Always a literal, for message data whatever its content. */
  | { readonly kind: 'literal'; readonly value: Buffer }
  | { readonly kind: 'nil' }
  | { readonly kind: 'list'; readonly items: readonly WireValue[] }
  /**
   * Values written back to back, no parentheses or spaces: the grammar wants that for the
   * addresses of an envelope (`"(" 1*address ")"`) and the parts of a multipart body
   * structure (`1*body SP media-subtype`), RFC 3501 §9.
   */
  | { readonly kind: 'concat'; readonly items: readonly WireValue[] };

export type StatusWord = 'OK' | 'NO' | 'BAD' | 'BYE' | 'PREAUTH';

export const raw = (text: string): WireValue => ({ kind: 'raw', text });
export const num = (value: number): WireValue => ({ kind: 'raw', text: String(value) });
export const str = (value: string | Buffer): WireValue => ({ kind: 'string', value });
export const literal = (value: Buffer): WireValue => ({ kind: 'literal', value });
export const nil: WireValue = { kind: 'nil' };
export const list = (items: readonly WireValue[]): WireValue => ({ kind: 'list', items });
export const concat = (items: readonly WireValue[]): WireValue => ({ kind: 'concat', items });
/** nstring (RFC 3501 §9): NIL when there is no value. */
export const nstr = (value: string | Buffer | undefined): WireValue => (value === undefined ? nil : str(value));

/**
 * A quoted string may hold any 7-bit character but CR, LF and NUL (RFC 3501 §9, QUOTED-CHAR);
 * we quote only printable ASCII and send everything else (8-bit, control characters) as a
 * literal, which carries any octets. Quotes and backslashes are escaped, which is safe.
 */
export function canQuote(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte < 0x20 || byte > 0x7e) return false;
  return true;
}

export function encodeString(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (canQuote(bytes)) return Buffer.from(`"${bytes.toString('latin1').replace(/["\\]/g, '\\$&')}"`, 'latin1');
  return encodeLiteral(bytes);
}

export function encodeLiteral(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`{${bytes.length}}\r\n`), bytes]);
}

export function encodeValue(value: WireValue): Buffer {
  switch (value.kind) {
    case 'raw':
      return Buffer.from(value.text, 'utf8');
    case 'string':
      return encodeString(value.value);
    case 'literal':
      return encodeLiteral(value.value);
    case 'nil':
      return Buffer.from('NIL');
    case 'list':
      return Buffer.concat([Buffer.from('('), encodeValues(value.items), Buffer.from(')')]);
    case 'concat':
      return Buffer.concat(value.items.map(encodeValue));
  }
}

/** Values separated by single spaces. */
export function encodeValues(values: readonly WireValue[]): Buffer {
  const pieces: Buffer[] = [];
  values.forEach((value, index) => {
    if (index > 0) pieces.push(Buffer.from(' '));
    pieces.push(encodeValue(value));
  });
  return Buffer.concat(pieces);
}

/** `* <values>` CRLF (RFC 3501 §7). */
export function untaggedLine(values: readonly WireValue[]): Buffer {
  return Buffer.concat([Buffer.from('* '), encodeValues(values), Buffer.from('\r\n')]);
}

/** `<tag> OK [CODE] text` CRLF (RFC 3501 §7.1); tag is `*` for untagged status responses. */
export function statusLine(tag: string, status: StatusWord, text: string, code?: string): Buffer {
  return Buffer.from(`${tag} ${status} ${code ? `[${code}] ` : ''}${oneLine(text)}\r\n`, 'utf8');
}

/** `+ text` CRLF (RFC 3501 §7.5). */
export function continuationLine(text: string): Buffer {
  return Buffer.from(`+ ${oneLine(text)}\r\n`, 'utf8');
}

/** Human-readable text must stay on its line whatever a message or client put in it. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\0]+/g, ' ');
}
