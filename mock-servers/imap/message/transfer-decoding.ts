/**
 * Content-Transfer-Encoding (RFC 2045 §6) and charsets, for SEARCH BODY and TEXT: a client
 * searching for "Zażółć" must find it in a base64 or quoted-printable ISO-8859-2 part, as it
 * would on a real server. FETCH never decodes.
 */
export function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/** RFC 2045 §6.7: "=XX" is an octet, "=" at a line end is a soft line break. */
export function decodeQuotedPrintable(body: Buffer): Buffer {
  return decodeHexEscapes(body.toString('latin1').replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, ''));
}

/**
 * "=XX" is the octet XX, any other character its own low octet: the escape that quoted-printable
 * (RFC 2045 §6.7) and RFC 2047's "Q" encoding (§4.2) share.
 */
export function decodeHexEscapes(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3);
    if (text.charAt(index) === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(text.charCodeAt(index) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** Text in its declared charset; an unknown charset is read as UTF-8, which is what most mail is. */
export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.trim() || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}
