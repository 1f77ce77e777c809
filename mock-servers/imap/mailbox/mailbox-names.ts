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
 */
export function matchesListPattern(name: string, pattern: string): boolean {
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '%' ? `[^${escapeRegExp(MAILBOX_DELIMITER)}]*` : escapeRegExp(char)))
    .join('');
  const regex = new RegExp(`^${source}$`, 'su');
  if (regex.test(name)) return true;
  return name.toUpperCase() === 'INBOX' && new RegExp(`^${source}$`, 'isu').test('INBOX');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
