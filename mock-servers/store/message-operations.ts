import type { Account } from './account.ts';
import type { Folder } from './folder.ts';
import { assertOwns, type StoreContext } from './store-context.ts';
import type { StoredMessage, UnplacedMessage } from './stored-message.ts';

export type FlagOperation = 'add' | 'remove' | 'replace';

/** A message and the copy made of it, for COPYUID (RFC 4315 §3). */
export interface CopiedMessage {
  readonly source: StoredMessage;
  readonly copy: StoredMessage;
}

/**
 * A copy made ready outside any folder: flags and INTERNALDATE as the source has them now
 * (RFC 3501 §6.4.7), the same octets (a message never changes, so they are shared), no UID
 * yet. COPY and MOVE of many messages prepare their copies in slices and commit them at once.
 */
export interface PreparedCopy extends CopiedMessage {
  readonly copy: UnplacedMessage;
}

export function prepareCopy(source: StoredMessage): PreparedCopy {
  const copy = { uid: 0, flags: new Set(source.flags), internalDate: new Date(source.internalDate.getTime()), size: source.size, raw: source.raw };
  return { source, copy };
}

/**
 * Copies keep flags and INTERNALDATE (RFC 3501 §6.4.7) and get the target's next UIDs, in the
 * order given, which for IMAP is ascending UID order.
 */
export function copyMessages(ctx: StoreContext, account: Account, from: Folder, messages: readonly StoredMessage[], to: Folder): CopiedMessage[] {
  return [...commitCopies(ctx, account, from, messages.map(prepareCopy), to, false)];
}

/** RFC 6851: a copy and an expunge of the originals, as one operation. */
export function moveMessages(ctx: StoreContext, account: Account, from: Folder, messages: readonly StoredMessage[], to: Folder): CopiedMessage[] {
  return [...commitCopies(ctx, account, from, messages.map(prepareCopy), to, true)];
}

/**
 * Places prepared copies in the target, UIDs in the order given, and for a move takes the
 * originals out of the source, in one step: every change is made before anyone is told of
 * any, so no listener sees part of a copy, or a moved message in both folders or in neither.
 * Every source must still be in its folder (the caller answers EXPUNGEISSUED otherwise).
 */
export function commitCopies(ctx: StoreContext, account: Account, from: Folder, prepared: readonly PreparedCopy[], to: Folder, move: boolean): readonly CopiedMessage[] {
  assertOwns(account, from);
  assertOwns(account, to);
  if (prepared.some(({ source }) => !from.has(source))) throw new Error(`A message to copy is no longer in "${from.name}"`);
  to.adopt(prepared.map(({ copy }) => copy));
  const removed = move ? from.remove(prepared.map(({ source }) => source)) : [];
  for (const { copy } of prepared) ctx.emit({ kind: 'message-added', account, folder: to, message: copy });
  if (removed.length > 0) ctx.emit({ kind: 'messages-expunged', account, folder: from, messages: removed });
  return prepared;
}

/** RFC 3501 §6.4.3 (and UID EXPUNGE, RFC 4315 §2.1 when `only` is given): removes \Deleted messages. */
export function expunge(ctx: StoreContext, account: Account, folder: Folder, only?: (message: StoredMessage) => boolean): StoredMessage[] {
  const doomed = folder.messages.filter((message) => message.flags.has('\\Deleted') && (only?.(message) ?? true));
  return removeMessages(ctx, account, folder, doomed);
}

/** Removes messages whatever their flags, as another client's STORE \Deleted + EXPUNGE would. */
export function removeMessages(ctx: StoreContext, account: Account, folder: Folder, messages: Iterable<StoredMessage>): StoredMessage[] {
  assertOwns(account, folder);
  const removed = folder.remove(messages);
  if (removed.length > 0) ctx.emit({ kind: 'messages-expunged', account, folder, messages: removed });
  return removed;
}

/**
 * Changes flags; returns the messages whose flags actually changed. Flags compare
 * case-insensitively (RFC 3501 §2.3.2); a flag already there keeps its spelling.
 */
export function setFlags(ctx: StoreContext, account: Account, folder: Folder, messages: Iterable<StoredMessage>, operation: FlagOperation, flags: readonly string[]): StoredMessage[] {
  assertOwns(account, folder);
  const changed: StoredMessage[] = [];
  for (const message of messages) {
    if (!folder.has(message)) continue;
    const before = flagKey(message.flags);
    applyFlags(message.flags, operation, flags);
    if (flagKey(message.flags) !== before) changed.push(message);
  }
  if (changed.length > 0) ctx.emit({ kind: 'flags-changed', account, folder, messages: changed });
  return changed;
}

function applyFlags(present: Set<string>, operation: FlagOperation, flags: readonly string[]): void {
  const find = (flag: string) => [...present].find((existing) => existing.toLowerCase() === flag.toLowerCase());
  if (operation === 'replace') present.clear();
  for (const flag of flags) {
    const existing = find(flag);
    if (operation === 'remove') {
      if (existing !== undefined) present.delete(existing);
    } else if (existing === undefined) {
      present.add(flag);
    }
  }
}

/** A set of flags as one comparable string, so a change can be noticed later. */
export function flagKey(flags: Iterable<string>): string {
  // Most messages have no flag or one; sessions compare every message's key on each update.
  if (flags instanceof Set && flags.size < 2) return flags.size === 0 ? '' : (flags.values().next().value as string).toLowerCase();
  return [...flags].map((flag) => flag.toLowerCase()).sort().join(' ');
}
