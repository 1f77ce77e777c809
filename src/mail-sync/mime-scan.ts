import { problem, type ReadingProblem } from './reading-problems.ts';

/** Enough for any real message; deeper or wider structures are not checked further. */
const MAX_PARTS = 200;
const MAX_DEPTH = 20;

export interface Part {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /** Where the body starts in the text the part was split from. */
  readonly bodyStart: number;
}

/** Splits a part (or the message) at its first empty line; header fields unfolded (RFC 5322 §2.2.3), first of each name. */
export function splitPart(text: string): Part {
  const match = /\r?\n\r?\n/.exec(text);
  const head = match ? text.slice(0, match.index) : text;
  const bodyStart = match ? match.index + match[0].length : text.length;
  return { headers: headerFields(head), body: text.slice(bodyStart), bodyStart };
}

/** The fields of a header block, unfolded (RFC 5322 §2.2.3), names in lower case, the first of each name. */
function headerFields(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const field of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, field.slice(colon + 1).trim());
  }
  return headers;
}

/** A part of a raw message, read in place: its header fields, and the octets [bodyStart, end) of its body. */
interface PartRange {
  readonly headers: ReadonlyMap<string, string>;
  readonly bodyStart: number;
  readonly end: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits raw[start, end) at its first empty line (`\r?\n\r?\n`, the first such line break
 * pair), as splitPart does on text; only the header block is decoded, as Latin-1, so every
 * character is one octet and offsets stay the same.
 */
function splitRange(raw: Buffer, start: number, end: number): PartRange {
  const view = raw.subarray(start, end);
  for (let newline = view.indexOf(LF); newline >= 0; newline = view.indexOf(LF, newline + 1)) {
    const after = view[newline + 1] === LF ? newline + 2 : view[newline + 1] === CR && view[newline + 2] === LF ? newline + 3 : -1;
    if (after < 0) continue;
    const headEnd = newline > 0 && view[newline - 1] === CR ? newline - 1 : newline;
    return { headers: headerFields(view.toString('latin1', 0, headEnd)), bodyStart: start + after, end };
  }
  return { headers: headerFields(view.toString('latin1')), bodyStart: end, end };
}

/** A parameter of a header value (`charset`, `boundary`), quoted or not. */
export function param(value: string | undefined, name: string): string | undefined {
  const found = value && new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return found ? (found[1] ?? found[2]) : undefined;
}

/** Whether a charset label names a decoder the parser has. */
export function knownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return /^utf-?7$/i.test(label); // mailparser decodes UTF-7 (RFC 2152) too
  }
}

/** A line of a part's body that starts with a boundary delimiter: where it starts, and what it is. */
interface DelimiterLine {
  readonly start: number;
  /** Where the next line starts (the body's end when it is the last). */
  readonly next: number;
  readonly closing: boolean;
}

/**
 * The lines of raw[start, end) that are `delimiter` or `delimiter--` followed by nothing but white
 * space (RFC 2046 §5.1.1: "--" boundary, transport padding allowed). Only the places where the
 * delimiter occurs are looked at, so a large part costs one search, not a split into lines.
 */
function delimiterLines(raw: Buffer, start: number, end: number, delimiter: string): DelimiterLine[] {
  const view = raw.subarray(start, end);
  const needle = Buffer.from(delimiter, 'latin1');
  const found: DelimiterLine[] = [];
  for (let at = view.indexOf(needle); at >= 0; at = view.indexOf(needle, at + 1)) {
    if (at > 0 && view[at - 1] !== LF) continue; // not at the start of a line
    const newline = view.indexOf(LF, at);
    const lineEnd = newline < 0 ? view.length : newline > at && view[newline - 1] === CR ? newline - 1 : newline;
    const line = view.toString('latin1', at, lineEnd).trimEnd();
    if (line === delimiter || line === `${delimiter}--`) found.push({ start: start + at, next: newline < 0 ? end : start + newline + 1, closing: line !== delimiter });
  }
  return found;
}

/** The octets between the end of one line (`from`) and the line break before another line's start, in a body starting at `bodyStart`. */
function between(raw: Buffer, bodyStart: number, end: number, from: number, lineStart: number): number {
  const breakAt = lineStart >= end ? end : lineStart - (lineStart - bodyStart >= 2 && raw[lineStart - 2] === CR ? 2 : 1);
  return Math.max(from, breakAt);
}

/** How an octet counts in base64 (RFC 4648 §4): the alphabet, "=", white space, or foreign. */
const ALPHABET = 1;
const PAD = 2;
const SPACE = 3;
const BASE64_CLASS = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_CLASS[c.charCodeAt(0)] = ALPHABET;
BASE64_CLASS[0x3d] = PAD;
// White space anywhere (line breaks, RFC 2045 §6.8): JavaScript's \s as far as one octet read as Latin-1 can be.
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]) BASE64_CLASS[c] = SPACE;

/**
 * The base64 characters in raw[start, end), white space left out; whole when `ok`: the alphabet,
 * then at most two "=" at the end, in quanta of four. One pass over the octets in place: an
 * attachment is neither decoded to text nor copied.
 */
function base64Check(raw: Buffer, start: number, end: number): { ok: boolean; length: number } {
  let length = 0;
  let pads = 0;
  let wellFormed = true;
  for (let i = start; i < end; i++) {
    const kind = BASE64_CLASS[raw[i]!];
    if (kind === SPACE) continue;
    length++;
    if (kind === PAD) pads++;
    if (kind === 0 || pads > 2 || (kind === ALPHABET && pads > 0)) wellFormed = false;
  }
  return { ok: wellFormed && length % 4 === 0, length };
}

/** What the scan finds: the problems, and where the bodies of the attachments are. */
export interface MimeScan {
  readonly problems: ReadingProblem[];
  /**
   * The octet ranges [start, end) of the bodies of leaf parts that are neither text nor a
   * message, in base64 that is whole: what no reader turns into a message's text or HTML.
   * Empty when the message has any problem, more parts than the scan reads, a multipart left
   * unclosed or a boundary that an enclosing one equals or begins, so that a structure the
   * parser might read differently is never cut.
   */
  readonly attachmentBodies: ReadonlyArray<readonly [number, number]>;
}

/**
 * Walks the MIME structure of a raw message (RFC 2045, RFC 2046) the way the parser does, and
 * reports what the parser passes over silently: a multipart boundary that never appears, base64
 * cut short or with foreign characters, a charset no decoder knows. The parser still reads what
 * it can; these notes say what may be missing or garbled.
 */
export function scanMime(raw: Buffer): ReadingProblem[] {
  return scanMimeStructure(raw).problems;
}

/** scanMime, and where the attachments' bodies are. */
export function scanMimeStructure(raw: Buffer): MimeScan {
  const found = new Map<string, ReadingProblem>();
  const note = (p: ReadingProblem) => found.has(p.code) || found.set(p.code, p);
  const attachmentBodies: Array<readonly [number, number]> = [];
  let parts = 0;
  // Cutting needs a structure every reader splits alike: each multipart closed, and no boundary
  // that an enclosing one equals or begins (a reader may end the outer part at the inner line).
  let plain = true;
  /** `outer`: the enclosing boundaries. */
  const walk = (part: PartRange, depth: number, outer: readonly string[]): void => {
    if (++parts > MAX_PARTS || depth > MAX_DEPTH) return;
    const type = part.headers.get('content-type');
    const charset = param(type, 'charset');
    if (charset !== undefined && !knownCharset(charset)) note(problem('unknown-charset', charset));
    const { bodyStart, end } = part;
    if (type && /^\s*multipart\//i.test(type)) {
      const boundary = param(type, 'boundary');
      const lines = boundary === undefined ? [] : delimiterLines(raw, bodyStart, end, `--${boundary}`);
      const starts = lines.filter((line) => !line.closing);
      if (starts.length === 0) {
        note(problem('broken-mime', boundary === undefined ? 'multipart without a boundary' : `boundary "${boundary}" not found`));
        return;
      }
      const close = lines.find((line) => line.closing);
      if (!close || outer.some((b) => b.startsWith(boundary!) || boundary!.startsWith(b))) plain = false;
      starts.forEach((start, i) => {
        const next = starts[i + 1]?.start ?? (close && close.start > start.start ? close.start : end);
        walk(splitRange(raw, start.next, between(raw, bodyStart, end, start.next, next)), depth + 1, [...outer, boundary!]);
      });
      return;
    }
    if (/^\s*base64\s*$/i.test(part.headers.get('content-transfer-encoding') ?? '')) {
      const { ok, length } = base64Check(raw, bodyStart, end);
      if (!ok) note(problem('broken-base64', `${length} base64 characters`));
      // Base64 has no "-": a whole base64 body holds no delimiter line, so every reader ends it where this scan does.
      else if (type && !/^\s*(?:text|message)\//i.test(type) && end > bodyStart) attachmentBodies.push([bodyStart, end]);
    }
  };
  walk(splitRange(raw, 0, raw.length), 0, []);
  const whole = found.size === 0 && parts <= MAX_PARTS && plain;
  return { problems: [...found.values()], attachmentBodies: whole ? attachmentBodies : [] };
}

/** The message with the given ranges left out. */
export function withoutRanges(raw: Buffer, ranges: ReadonlyArray<readonly [number, number]>): Buffer {
  if (ranges.length === 0) return raw;
  const kept: Buffer[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    kept.push(raw.subarray(from, start));
    from = end;
  }
  kept.push(raw.subarray(from));
  return Buffer.concat(kept);
}
