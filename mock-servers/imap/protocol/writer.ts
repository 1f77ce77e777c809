/**
 * Response formatting (RFC 3501 §4, §7). Handlers describe responses as WireValue trees; only
 * this module decides how a string goes on the wire, so quoting rules live in one place. A
 * response is rendered in one pass into one Buffer (see WireBuilder): FETCH of a large folder
 * writes thousands of them, so the cost per token matters.
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
  | { readonly kind: 'concat'; readonly items: readonly WireValue[] }
  /** Rendered before by preEncoded, written as these octets. */
  | { readonly kind: 'encoded'; readonly bytes: Buffer };

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

/** The same test on text: any character outside printable ASCII encodes to other octets. */
const QUOTABLE_TEXT = /^[\x20-\x7e]*$/;
const NEEDS_ESCAPE = /["\\]/g;

/**
 * A value rendered once, to be written again as it is: what never changes for a stored message
 * (its envelope, its body structure) is cached in this form, so a FETCH only copies it.
 */
export function preEncoded(value: WireValue): WireValue {
  const builder = new WireBuilder();
  builder.value(value);
  // Kept as octets: copying them into a response is cheaper than encoding text again.
  return { kind: 'encoded', bytes: toBuffer(builder.finish()) };
}

export function encodeString(value: string | Buffer): Buffer {
  return render((builder) => builder.string(value));
}

export function encodeLiteral(bytes: Buffer): Buffer {
  return render((builder) => builder.literal(bytes));
}

export function encodeValue(value: WireValue): Buffer {
  return render((builder) => builder.value(value));
}

/** Values separated by single spaces. */
export function encodeValues(values: readonly WireValue[]): Buffer {
  return render((builder) => builder.values(values));
}

/** `* <values>` CRLF (RFC 3501 §7). */
export function untaggedLine(values: readonly WireValue[]): Buffer {
  return render((builder) => {
    builder.text('* ');
    builder.values(values);
    builder.text('\r\n');
  });
}

function render(write: (builder: WireBuilder) => void): Buffer {
  const builder = new WireBuilder();
  write(builder);
  return toBuffer(builder.finish());
}

/**
 * Collects a response as text and octets: tokens, quoted strings and literals of text are
 * appended to one string (encoded as UTF-8 once, at the end), literals of octets are kept as the
 * Buffers they are. A response becomes one Buffer with one allocation and one copy of each
 * literal, instead of a Buffer per token joined level by level.
 */
class WireBuilder {
  private readonly pieces: Array<string | Buffer> = [];
  private pending = '';

  text(text: string): void {
    this.pending += text;
  }

  octets(bytes: Buffer): void {
    if (this.pending !== '') this.pieces.push(this.pending);
    this.pending = '';
    this.pieces.push(bytes);
  }

  value(value: WireValue): void {
    switch (value.kind) {
      case 'raw':
        return this.text(SURROGATE.test(value.text) ? wellFormed(value.text) : value.text);
      case 'string':
        return this.string(value.value);
      case 'literal':
        return this.literal(value.value);
      case 'nil':
        return this.text('NIL');
      case 'list':
        this.text('(');
        this.values(value.items);
        return this.text(')');
      case 'concat':
        for (const item of value.items) this.value(item);
        return;
      case 'encoded':
        return this.octets(value.bytes);
    }
  }

  values(values: readonly WireValue[]): void {
    values.forEach((value, index) => {
      if (index > 0) this.text(' ');
      this.value(value);
    });
  }

  string(value: string | Buffer): void {
    if (typeof value === 'string') {
      // A literal of text stays text: its UTF-8 octets are what Buffer.byteLength counts.
      if (QUOTABLE_TEXT.test(value)) this.text(`"${value.replace(NEEDS_ESCAPE, '\\$&')}"`);
      else this.text(`{${Buffer.byteLength(value, 'utf8')}}\r\n${value}`);
    } else if (canQuote(value)) {
      this.text(`"${value.toString('latin1').replace(NEEDS_ESCAPE, '\\$&')}"`);
    } else {
      this.literal(value);
    }
  }

  /** `{n}` CRLF and the octets (RFC 3501 §4.3). */
  literal(bytes: Buffer): void {
    this.text(`{${bytes.length}}\r\n`);
    this.octets(bytes);
  }

  finish(): ReadonlyArray<string | Buffer> {
    if (this.pending !== '') this.pieces.push(this.pending);
    this.pending = '';
    return this.pieces;
  }
}

/**
 * Encoded on its own, as it used to be, a lone surrogate becomes U+FFFD; joined with a
 * neighbour's text it could pair up with another. Raw text is the server's own (numbers, flags,
 * item names), so this is only a guard that costs one test of a short string.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

function wellFormed(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Text pieces as UTF-8, octets as they are, in one Buffer. */
function toBuffer(pieces: ReadonlyArray<string | Buffer>): Buffer {
  const [only] = pieces;
  if (pieces.length === 1 && typeof only === 'string') return Buffer.from(only, 'utf8');
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const piece of pieces) offset += typeof piece === 'string' ? buffer.write(piece, offset, 'utf8') : piece.copy(buffer, offset);
  return buffer;
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
