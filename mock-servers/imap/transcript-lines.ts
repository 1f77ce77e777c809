/**
 * Traffic as transcript lines, without copying bulk data. A literal (RFC 3501 §4.3: `{n}` at
 * the end of a line, then n octets) longer than LONG_LITERAL_OCTETS is not decoded: it becomes
 * one line, `{52341 bytes} ` and the literal's first line (cut at FIRST_LINE_CHARS), and what
 * follows the literal starts a new line. Shorter literals stay as they were sent, line by line.
 * A FETCH of a whole folder thus costs the transcript a few lines per message, not its bodies,
 * and a reader still sees which message went out and how large it was.
 */
export const LONG_LITERAL_OCTETS = 1024;
const FIRST_LINE_CHARS = 200;
const CR = 0x0d;
const LF = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PLUS = 0x2b;

export function transcriptLines(bytes: Buffer, longLiteral = LONG_LITERAL_OCTETS): string[] {
  let text = '';
  let segmentStart = 0;
  let at = 0;
  while (at < bytes.length) {
    const eol = bytes.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = literalSizeBefore(bytes, at, eol);
    if (size === undefined) {
      at = eol + 2;
      continue;
    }
    const start = eol + 2;
    const end = Math.min(start + size, bytes.length);
    if (size > longLiteral) {
      text += `${bytes.toString('utf8', segmentStart, start)}${placeholder(bytes, start, end, size)}\r\n`;
      segmentStart = end;
    }
    at = end;
  }
  return splitLines(text + bytes.toString('utf8', segmentStart));
}

/** Lines of a text, CRLF removed; a final CRLF does not make an empty last line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\r\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function placeholder(bytes: Buffer, start: number, end: number, size: number): string {
  let stop = start;
  const limit = Math.min(end, start + FIRST_LINE_CHARS * 4);
  while (stop < limit && bytes[stop] !== CR && bytes[stop] !== LF) stop++;
  const first = bytes.toString('utf8', start, stop);
  const cut = first.length > FIRST_LINE_CHARS || (stop === limit && limit < end) ? `${first.slice(0, FIRST_LINE_CHARS)}…` : first;
  return `{${size} bytes} ${cut}`;
}

/** The n of a `{n}` or `{n+}` (LITERAL+, RFC 7888) ending the line [from, eol), if any. */
function literalSizeBefore(bytes: Buffer, from: number, eol: number): number | undefined {
  let i = eol - 1;
  if (i < from || bytes[i] !== CLOSE_BRACE) return undefined;
  i--;
  if (i >= from && bytes[i] === PLUS) i--;
  let size = 0;
  let digits = 0;
  let scale = 1;
  while (i >= from && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
    size += (bytes[i]! - 0x30) * scale;
    scale *= 10;
    digits++;
    i--;
  }
  if (digits === 0 || digits > 15 || i < from || bytes[i] !== OPEN_BRACE) return undefined;
  return size;
}
