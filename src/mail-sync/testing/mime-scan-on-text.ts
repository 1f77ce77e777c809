/**
 * The MIME scan as it was before it read the message's octets in place (src/mail-sync/mime-scan.ts
 * decoded the whole message to Latin-1 text, attachments included, and searched the text): the
 * model the property test holds the scan's problems and attachment ranges to.
 */
import { knownCharset, param, splitPart, type MimeScan, type Part } from '../mime-scan.ts';
import { problem, type ReadingProblem } from '../reading-problems.ts';

const MAX_PARTS = 200;
const MAX_DEPTH = 20;

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

/** scanMimeStructure as it was on text. */
export function scanMimeStructureOnText(raw: Buffer): MimeScan {
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
