/**
 * Folder paths compare exactly, except INBOX, whose name is case-insensitive (RFC 3501 §5.1), so
 * "Inbox" chosen as the spam folder is the INBOX (R1.3).
 */
export function canonicalFolder(path: string): string {
  return path.toUpperCase() === 'INBOX' ? 'INBOX' : path;
}

export function sameFolder(a: string, b: string): boolean {
  return canonicalFolder(a) === canonicalFolder(b);
}

/** A folder as the connector listed it on the server, with its RFC 6154 special-use attribute. */
export interface MailboxFolder {
  readonly path: string;
  readonly specialUse?: string;
}
