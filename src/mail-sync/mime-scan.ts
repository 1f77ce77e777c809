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
  const body = text.slice(bodyStart);
  const headers = new Map<string, string>();
  for (const field of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, field.slice(colon + 1).trim());
  }
  return { headers, body, bodyStart };
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

/** A line of `text` that starts with a boundary delimiter: where it starts, and what it is. */
interface DelimiterLine {
  readonly start: number;
  /** Where the next line starts (text.length when it is the last). */
  readonly next: number;
  readonly closing: boolean;
}

/**
 * The lines of `text` that are `delimiter` or `delimiter--` followed by nothing but white space
 * (RFC 2046 §5.1.1: "--" boundary, transport padding allowed). Only the places where the
 * delimiter occurs are looked at, so a large part costs one search, not a split into lines.
 */
function delimiterLines(text: string, delimiter: string): DelimiterLine[] {
  const found: DelimiterLine[] = [];
  for (let at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 0x0a) continue; // not at the start of a line
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline > at && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
    const line = text.slice(at, end).trimEnd();
    if (line === delimiter || line === `${delimiter}--`) found.push({ start: at, next: newline < 0 ? text.length : newline + 1, closing: line !== delimiter });
  }
  return found;
}

/** The text between the end of one line and the line break before another line's start. */
function between(text: string, from: number, lineStart: number): string {
  const breakAt = lineStart >= text.length ? text.length : lineStart - (lineStart >= 2 && text.charCodeAt(lineStart - 2) === 0x0d ? 2 : 1);
  return text.slice(from, Math.max(from, breakAt));
}

/**
 * Base64 as RFC 4648 §4 writes it, white space anywhere (line breaks, RFC 2045 §6.8): the
 * alphabet, then at most two "=" at the end. White space is JavaScript's \s as far as a Latin-1
 * string can hold it. One pass of the regular expression engine over a large attachment, where
 * taking the white space out first copied it.
 */
const BASE64_SPACED = /^[A-Za-z0-9+/\t\n\v\f\r \u00a0]*(?:=[\t\n\v\f\r \u00a0]*){0,2}$/;
const SPACE_RUNS = /[\t\n\v\f\r \u00a0]+/g;

/** The base64 characters in `body`, white space left out; whole quanta of four when `ok`. */
function base64Check(body: string): { ok: boolean; length: number } {
  let space = 0;
  for (const run of body.matchAll(SPACE_RUNS)) space += run[0].length;
  const length = body.length - space;
  return { ok: length % 4 === 0 && BASE64_SPACED.test(body), length };
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
  /** `at`: where the text the part was split from starts in the message; `outer`: the enclosing boundaries. */
  const walk = (part: Part, depth: number, at: number, outer: readonly string[]): void => {
    if (++parts > MAX_PARTS || depth > MAX_DEPTH) return;
    const type = part.headers.get('content-type');
    const charset = param(type, 'charset');
    if (charset !== undefined && !knownCharset(charset)) note(problem('unknown-charset', charset));
    const bodyAt = at + part.bodyStart;
    if (type && /^\s*multipart\//i.test(type)) {
      const boundary = param(type, 'boundary');
      const lines = boundary === undefined ? [] : delimiterLines(part.body, `--${boundary}`);
      const starts = lines.filter((line) => !line.closing);
      if (starts.length === 0) {
        note(problem('broken-mime', boundary === undefined ? 'multipart without a boundary' : `boundary "${boundary}" not found`));
        return;
      }
      const close = lines.find((line) => line.closing);
      if (!close || outer.some((b) => b.startsWith(boundary!) || boundary!.startsWith(b))) plain = false;
      starts.forEach((start, i) => {
        const next = starts[i + 1]?.start ?? (close && close.start > start.start ? close.start : part.body.length);
        walk(splitPart(between(part.body, start.next, next)), depth + 1, bodyAt + start.next, [...outer, boundary!]);
      });
      return;
    }
    if (/^\s*base64\s*$/i.test(part.headers.get('content-transfer-encoding') ?? '')) {
      const { ok, length } = base64Check(part.body);
      if (!ok) note(problem('broken-base64', `${length} base64 characters`));
      // Base64 has no "-": a whole base64 body holds no delimiter line, so every reader ends it where this scan does.
      else if (type && !/^\s*(?:text|message)\//i.test(type) && part.body.length > 0) attachmentBodies.push([bodyAt, bodyAt + part.body.length]);
    }
  };
  walk(splitPart(raw.toString('latin1')), 0, 0, []);
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
