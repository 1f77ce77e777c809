import type { Account, Folder } from '../../store/index.ts';

/** The hierarchy delimiter (RFC 3501 §5.1.1), reported by LIST and NAMESPACE. */
export const MAILBOX_DELIMITER = '/';

/**
 * Mailbox names travel in modified UTF-7 (RFC 3501 §5.1.3): printable ASCII stands for itself,
 * "&" is written "&-", anything else is UTF-16 in base64 (with "," for "/") between "&" and "-".
 * The store keeps names as ordinary Unicode strings.
 */
export function encodeMailboxName(name: string): string {
  return name.replace(/&|[^\x20-\x7e]+/g, (run) => (run === '&' ? '&-' : `&${toModifiedBase64(run)}-`));
}

/** The Unicode name for a wire name; names that are not valid modified UTF-7 are taken as-is. */
export function decodeMailboxName(wire: string): string {
  if (!wire.includes('&')) return wire;
  let valid = !wire.replace(/&[^-]*-/g, '').includes('&');
  const decoded = wire.replace(/&([^-]*)-/g, (_match, encoded: string) => {
    if (encoded === '') return '&';
    if (!/^[A-Za-z0-9+,]+$/.test(encoded)) valid = false;
    const bytes = Buffer.from(encoded.replace(/,/g, '/'), 'base64');
    if (bytes.length % 2 !== 0) valid = false;
    return bytes.swap16().toString('utf16le');
  });
  return valid ? decoded : wire;
}

function toModifiedBase64(text: string): string {
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  return utf16be.toString('base64').replace(/=+$/, '').replace(/\//g, ',');
}

/** The folder a client's mailbox argument names; INBOX in any case (handled by the store). */
export function findFolder(account: Account, wireName: string): Folder | undefined {
  return account.folder(decodeMailboxName(wireName));
}

/**
 * LIST pattern matching (RFC 3501 §6.3.8): "*" matches anything, "%" anything but the
 * delimiter. INBOX matches its name in any case (§5.1).
 *
 * Matched by stepping the set of pattern positions reached over the name, one character at a
 * time, as an NFA is run: time is linear in pattern × name whatever the client sends, where a
 * regular expression built from the pattern backtracks (16,000 "%" against a name holding "/"
 * took seconds, and held every other session up meanwhile).
 */
export function matchesListPattern(name: string, pattern: string): boolean {
  const patternChars = [...pattern];
  if (matchesCodePoints([...name], patternChars, (a, b) => a === b)) return true;
  return name.toUpperCase() === 'INBOX' && matchesCodePoints([...'INBOX'], patternChars, (a, b) => a === b.toUpperCase());
}

/**
 * Whether the pattern matches the whole name. `reached[i]` says pattern position i is reachable
 * after the name characters read so far; a wildcard at i also reaches i + 1 at once (it may
 * match nothing), and on reading a character it stays at i ("*", or "%" unless the character is
 * the delimiter) while a literal at i moves on to i + 1 when `same` says it matches.
 */
function matchesCodePoints(name: readonly string[], pattern: readonly string[], same: (nameChar: string, patternChar: string) => boolean): boolean {
  const start = new Uint8Array(pattern.length + 1);
  start[0] = 1;
  let reached = closeOverWildcards(pattern, start);
  for (const char of name) {
    const next = new Uint8Array(pattern.length + 1);
    let any = false;
    for (let i = 0; i < pattern.length; i++) {
      if (!reached[i]) continue;
      const token = pattern[i] ?? '';
      if (token === '*' || (token === '%' && char !== MAILBOX_DELIMITER)) {
        next[i] = 1;
        any = true;
      } else if (token !== '*' && token !== '%' && same(char, token)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    reached = closeOverWildcards(pattern, next);
  }
  return reached[pattern.length] === 1;
}

function closeOverWildcards(pattern: readonly string[], reached: Uint8Array): Uint8Array {
  for (let i = 0; i < pattern.length; i++) {
    if (reached[i] && (pattern[i] === '*' || pattern[i] === '%')) reached[i + 1] = 1;
  }
  return reached;
}
