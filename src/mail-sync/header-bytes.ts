const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where the header block ends: the offset of the empty line (CRLF CRLF, or bare LF LF), or the end. */
export function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf < 0) return lf < 0 ? raw.length : lf;
  return lf < 0 ? crlf : Math.min(crlf, lf);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Header lines with 8-bit bytes that are not UTF-8 came from a sender that ignored RFC 6532
 * (no SMTPUTF8, no RFC 2047 encoded words), most often in a legacy single-byte charset. Read as
 * UTF-8 they would become U+FFFD and the bytes would be lost; read as ISO-8859-1 every byte stays
 * one character, so nothing is lost and the address part, which is ASCII, stays exact.
 * Lines that are ASCII or valid UTF-8 are left as they are. `repaired` tells whether any line changed.
 */
export function repairHeaderBytes(raw: Buffer): { raw: Buffer; repaired: boolean } {
  const end = headerEnd(raw);
  const head = raw.subarray(0, end);
  if (!head.some((byte) => byte > 0x7f) || isUtf8(head)) return { raw, repaired: false };
  const lines: Buffer[] = [];
  let start = 0;
  while (start < head.length) {
    const newline = head.indexOf(0x0a, start);
    const stop = newline < 0 ? head.length : newline + 1;
    const line = head.subarray(start, stop);
    lines.push(isUtf8(line) ? line : Buffer.from(line.toString('latin1'), 'utf8'));
    start = stop;
  }
  return { raw: Buffer.concat([...lines, raw.subarray(end)]), repaired: true };
}
