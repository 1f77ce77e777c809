/**
 * Where to cut a command's output so that exactly `allowed` FETCH responses reach the client,
 * for the scripted "drop the connection in the middle of a FETCH" fault. The output is read as
 * IMAP responses (RFC 3501 §7): a line ending in a literal `{n}` continues after its n octets,
 * so bytes inside a message body that look like `* 5 FETCH` are never mistaken for a response.
 * Works on whatever chunking the writer chose, since it reads the bytes, not the chunks.
 */
export interface FetchCut {
  /** The bytes to write before the connection is dropped (all of them when `cut` is false). */
  readonly kept: Buffer;
  /** The output held more FETCH responses than allowed. */
  readonly cut: boolean;
  /** FETCH responses in `kept`. */
  readonly fetchResponses: number;
}

const CRLF = Buffer.from('\r\n');
const LITERAL_AT_END = /\{(\d+)\+?\}$/;
const FETCH_RESPONSE = /^\* \d+ FETCH[ (]/i;

export function cutAfterFetchResponses(output: readonly Buffer[], allowed: number): FetchCut {
  const bytes = output.length === 1 ? output[0]! : Buffer.concat(output);
  let position = 0;
  let fetchResponses = 0;
  while (position < bytes.length) {
    const start = position;
    const isFetch = FETCH_RESPONSE.test(bytes.subarray(start, start + 40).toString('latin1'));
    if (isFetch && fetchResponses === allowed) return { kept: bytes.subarray(0, start), cut: true, fetchResponses };
    position = endOfResponse(bytes, start);
    if (isFetch) fetchResponses += 1;
  }
  return { kept: bytes, cut: false, fetchResponses };
}

/** The offset just past the response that starts at `start` (or the end of the bytes). */
function endOfResponse(bytes: Buffer, start: number): number {
  let position = start;
  for (;;) {
    const lineEnd = bytes.indexOf(CRLF, position);
    if (lineEnd < 0) return bytes.length;
    const line = bytes.subarray(position, lineEnd).toString('latin1');
    const literal = LITERAL_AT_END.exec(line);
    if (!literal) return lineEnd + 2;
    position = Math.min(bytes.length, lineEnd + 2 + Number(literal[1]));
  }
}
