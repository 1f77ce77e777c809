import { SPECIAL_USE_ATTRIBUTE, type Account } from '../../store/index.ts';
import { MAILBOX_DELIMITER, matchesListPattern } from './mailbox-names.ts';

export interface ListEntry {
  readonly name: string;
  readonly attributes: readonly string[];
  /** An RFC 6154 special-use attribute is among the attributes. */
  readonly specialUse: boolean;
}

/**
 * The mailboxes a LIST or LSUB pattern matches (RFC 3501 §6.3.8), in the account's folder
 * order. Every folder gets \HasChildren or \HasNoChildren (RFC 3348, folded into RFC 5258) and
 * its RFC 6154 special-use attribute; a parent level that is not itself a folder (the "A" of
 * "A/B") is listed with \Noselect when the pattern matches it.
 */
export function listEntries(account: Account, reference: string, pattern: string): ListEntry[] {
  const full = reference + pattern;
  const names = account.folders.map((folder) => folder.name);
  const hasChildren = (name: string) => names.some((other) => other.startsWith(name + MAILBOX_DELIMITER));
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  for (const folder of account.folders) {
    for (const parent of ancestors(folder.name)) {
      if (seen.has(parent) || names.includes(parent) || !matchesListPattern(parent, full)) continue;
      seen.add(parent);
      entries.push({ name: parent, attributes: ['\\Noselect', '\\HasChildren'], specialUse: false });
    }
    if (seen.has(folder.name) || !matchesListPattern(folder.name, full)) continue;
    seen.add(folder.name);
    const special = folder.role ? SPECIAL_USE_ATTRIBUTE[folder.role] : undefined;
    const attributes = [hasChildren(folder.name) ? '\\HasChildren' : '\\HasNoChildren', ...(special ? [special] : [])];
    entries.push({ name: folder.name, attributes, specialUse: special !== undefined });
  }
  return entries;
}

/**
 * What LSUB answers (RFC 3501 §6.3.9): the subscribed names the pattern matches, with the
 * attributes of their folders; a subscribed name with no folder is \Noselect. When "%" stops
 * at a level above a subscribed name that is not itself subscribed, that level is listed
 * with \Noselect, as the RFC asks.
 */
export function lsubEntries(account: Account, reference: string, pattern: string): ListEntry[] {
  const full = reference + pattern;
  const byName = new Map(listEntries(account, '', '*').map((entry) => [entry.name, entry]));
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  for (const name of account.subscriptions) {
    if (matchesListPattern(name, full) && !seen.has(name)) {
      seen.add(name);
      const entry = byName.get(name);
      entries.push(entry && !entry.attributes.includes('\\Noselect') ? entry : { name, attributes: ['\\Noselect'], specialUse: false });
      continue;
    }
    for (const parent of ancestors(name)) {
      if (seen.has(parent) || account.isSubscribed(parent) || !matchesListPattern(parent, full)) continue;
      seen.add(parent);
      entries.push({ name: parent, attributes: ['\\Noselect'], specialUse: false });
    }
  }
  return entries;
}

/** "A/B/C" has the ancestors "A" and "A/B". */
function ancestors(name: string): string[] {
  const parts = name.split(MAILBOX_DELIMITER);
  return parts.slice(1).map((_part, index) => parts.slice(0, index + 1).join(MAILBOX_DELIMITER));
}

/**
 * What `LIST ref ""` answers (RFC 3501 §6.3.8): the hierarchy root of the reference, so a
 * client learns the delimiter without listing anything.
 */
export function hierarchyRoot(reference: string): string {
  const index = reference.indexOf(MAILBOX_DELIMITER);
  return index < 0 ? '' : reference.slice(0, index + 1);
}

/**
 * Why a LIST or LSUB pattern is refused, if it is: reference and pattern together longer than
 * the limit. Matching is linear (mailbox-names.ts), yet a pattern no mailbox name comes near
 * only costs time, once per folder.
 */
export function patternTooLong(reference: string, pattern: string, limit: number | undefined): string | undefined {
  if (limit === undefined) return undefined;
  const length = [...reference].length + [...pattern].length;
  return length > limit ? `pattern too long: ${length} characters, the limit is ${limit}` : undefined;
}
