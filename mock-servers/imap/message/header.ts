import type { StoredMessage } from '../../store/index.ts';
import { lastSource } from './per-message.ts';

/** One header field (RFC 5322 §2.2) as it appears in the message. */
export interface HeaderField {
  /** The field name as written. */
  readonly name: string;
  /** The name lower-cased, for lookups (names are case-insensitive, RFC 5322 §1.2.2). */
  readonly key: string;
  /** Unfolded (RFC 5322 §2.2.3), trimmed, read as UTF-8; encoded-words are left encoded. */
  readonly value: string;
  /** The field's exact octets, continuation lines and final line break included. */
  readonly bytes: Buffer;
}

/** A message split at the blank line that ends its header (RFC 5322 §2.1). */
export interface MessageParts {
  /** The header, including the blank line after it (what BODY[HEADER] returns, RFC 3501 §6.4.5). */
  readonly header: Buffer;
  /** Everything after the blank line (BODY[TEXT]). */
  readonly body: Buffer;
  readonly fields: readonly HeaderField[];
}

/** Parts of a message source, split once for the message in hand (per-message.ts, lastSource). */
export const sourceParts: (raw: Buffer) => MessageParts = lastSource((raw) => splitMessage(raw));

/** Parts of a stored message, split once per message. */
export const messageParts = (message: StoredMessage): MessageParts => sourceParts(message.raw);

/** Splits any entity (a message or a MIME part). Without a blank line all of it is header. */
export function splitMessage(raw: Buffer): MessageParts {
  const end = headerEnd(raw);
  const header = raw.subarray(0, end);
  return { header, body: raw.subarray(end), fields: parseFields(header) };
}

/** The offset just past the blank line; an entity may also start with it (no header at all). */
function headerEnd(raw: Buffer): number {
  if (raw[0] === 0x0a) return 1;
  if (raw[0] === 0x0d && raw[1] === 0x0a) return 2;
  const crlf = raw.indexOf('\r\n\r\n');
  // A bare-LF blank line counts only if it comes first: look for one no further than the CRLF
  // one, rather than through the whole body of an ordinary CRLF message.
  const lf = crlf < 0 ? raw.indexOf('\n\n') : raw.subarray(0, crlf + 2).indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf + 1 <= lf)) return crlf + 4;
  if (lf >= 0) return lf + 2;
  return raw.length;
}

function parseFields(header: Buffer): HeaderField[] {
  const fields: HeaderField[] = [];
  let start = -1;
  let offset = 0;
  const finish = (end: number) => {
    if (start >= 0) fields.push(makeField(header.subarray(start, end)));
    start = -1;
  };
  while (offset < header.length) {
    const newline = header.indexOf(0x0a, offset);
    const next = newline < 0 ? header.length : newline + 1;
    const first = header[offset];
    const isContinuation = first === 0x20 || first === 0x09;
    const isBlank = first === 0x0a || (first === 0x0d && header[offset + 1] === 0x0a);
    if (!isContinuation) {
      finish(offset);
      // A line that is neither a field nor a continuation (malformed) belongs to no field.
      if (!isBlank && hasColon(header, offset, next)) start = offset;
    }
    offset = next;
  }
  finish(header.length);
  return fields;
}

function hasColon(header: Buffer, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (header[index] === 0x3a) return true;
  return false;
}

function makeField(bytes: Buffer): HeaderField {
  return new ParsedField(bytes);
}

/**
 * A field whose value is decoded and unfolded when first asked for: most fields of a message
 * (Received, DKIM-Signature, ...) are never looked at. The colon is ASCII, so decoding the
 * name and the value apart gives what decoding the whole field and cutting it would.
 */
class ParsedField implements HeaderField {
  readonly name: string;
  /** The name lower-cased, for lookups (names are case-insensitive, RFC 5322 §1.2.2). */
  readonly key: string;
  readonly bytes: Buffer;
  private readonly colon: number;
  private unfolded: string | undefined;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    this.colon = bytes.indexOf(0x3a);
    this.name = bytes.toString('utf8', 0, this.colon).trim();
    this.key = this.name.toLowerCase();
  }

  get value(): string {
    this.unfolded ??= this.bytes
      .toString('utf8', this.colon + 1)
      .replace(/\r?\n(?=[ \t])/g, '')
      .replace(/\r?\n$/, '')
      .trim();
    return this.unfolded;
  }
}

/** The first field of that name (names are case-insensitive, RFC 5322 §1.2.2). */
export function headerValue(parts: MessageParts, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return parts.fields.find((field) => field.key === wanted)?.value;
}

export function headerValues(parts: MessageParts, name: string): string[] {
  const wanted = name.toLowerCase();
  return parts.fields.filter((field) => field.key === wanted).map((field) => field.value);
}
