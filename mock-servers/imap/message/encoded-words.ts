import { decodeHexEscapes } from './transfer-decoding.ts';

/**
 * Decodes RFC 2047 encoded-words, so that SEARCH can match `Jörg` against
 * `=?UTF-8?Q?J=C3=B6rg?=` as real servers do. FETCH never decodes: it returns what the
 * message says. Unknown charsets and malformed words are left as they are.
 */
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

export function decodeEncodedWords(text: string): string {
  // Whitespace between two adjacent encoded-words is not part of the text (RFC 2047 §6.2).
  const joined = text.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (word, charset: string, encoding: string, payload: string) => {
    try {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(payload, 'base64') : decodeQ(payload);
      return new TextDecoder(charset.replace(/\*.*$/, ''), { fatal: true }).decode(bytes);
    } catch {
      return word;
    }
  });
}

/** RFC 2047 §4.2: "_" is a space, "=XX" an octet. */
function decodeQ(payload: string): Buffer {
  return decodeHexEscapes(payload.replace(/_/g, ' '));
}
