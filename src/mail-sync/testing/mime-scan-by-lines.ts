/**
 * The MIME scan as first written (src/mail-sync/mime-scan.ts before it searched for delimiters
 * instead of splitting every part into lines): the model the property test holds the scan to.
 */
import { knownCharset, param, splitPart, type Part } from '../mime-scan.ts';
import { problem, type ReadingProblem } from '../reading-problems.ts';

const MAX_PARTS = 200;
const MAX_DEPTH = 20;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Walks the MIME structure of a raw message (RFC 2045, RFC 2046) the way the parser does, and
 * reports what the parser passes over silently: a multipart boundary that never appears, base64
 * cut short or with foreign characters, a charset no decoder knows. The parser still reads what
 * it can; these notes say what may be missing or garbled.
 */
export function scanMimeByLines(raw: Buffer): ReadingProblem[] {
  const found = new Map<string, ReadingProblem>();
  const note = (p: ReadingProblem) => found.has(p.code) || found.set(p.code, p);
  let parts = 0;
  const walk = (part: Part, depth: number): void => {
    if (++parts > MAX_PARTS || depth > MAX_DEPTH) return;
    const type = part.headers.get('content-type');
    const charset = param(type, 'charset');
    if (charset !== undefined && !knownCharset(charset)) note(problem('unknown-charset', charset));
    if (type && /^\s*multipart\//i.test(type)) {
      const boundary = param(type, 'boundary');
      const delimiter = boundary === undefined ? undefined : `--${boundary}`;
      const lines = part.body.split(/\r?\n/);
      const starts = delimiter === undefined ? [] : lines.flatMap((line, i) => (line.trimEnd() === delimiter ? [i] : []));
      if (starts.length === 0) {
        note(problem('broken-mime', boundary === undefined ? 'multipart without a boundary' : `boundary "${boundary}" not found`));
        return;
      }
      const close = lines.findIndex((line) => line.trimEnd() === `${delimiter}--`);
      starts.forEach((start, i) => {
        const next = starts[i + 1] ?? (close > start ? close : lines.length);
        walk(splitPart(lines.slice(start + 1, next).join('\r\n')), depth + 1);
      });
      return;
    }
    if (/^\s*base64\s*$/i.test(part.headers.get('content-transfer-encoding') ?? '')) {
      const data = part.body.replace(/\s+/g, '');
      if (data.length % 4 !== 0 || !BASE64.test(data)) note(problem('broken-base64', `${data.length} base64 characters`));
    }
  };
  walk(splitPart(raw.toString('latin1')), 0);
  return [...found.values()];
}
