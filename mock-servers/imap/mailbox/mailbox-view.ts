import { flagKey, type Account, type Folder, type StoredMessage } from '../../store/index.ts';
import type { Untagged } from '../protocol/untagged.ts';
import { list, num, raw } from '../protocol/writer.ts';
import { definedFlags, flagsResponses } from './mailbox-flags.ts';

interface ViewEntry {
  readonly message: StoredMessage;
  /** The flags the client was last told of (or read with the message), as a flagKey. */
  reportedFlags: string;
}

/**
 * What one session's client knows of its selected mailbox: the messages by sequence number
 * (RFC 3501 §2.3.1.2) and the flags last reported for each. The folder changes under it
 * (other sessions, delivery, tests acting as another client); `sync` turns the difference
 * into untagged responses at the moments the dispatcher allows (§5.2, §7.4.1). A message
 * expunged elsewhere keeps its sequence number here until its EXPUNGE is sent.
 */
export class MailboxView {
  readonly account: Account;
  readonly folder: Folder;
  readonly readOnly: boolean;
  /** The UIDVALIDITY the client was given at selection. */
  readonly uidValidity: number;
  private entries: ViewEntry[] = [];
  private readonly byMessage = new Map<StoredMessage, ViewEntry>();
  /** The messages that are \Recent in this session (RFC 3501 §2.3.2). */
  private readonly recent = new Set<StoredMessage>();
  /** The FLAGS list the client was last sent. */
  private announcedFlags: string;

  constructor(account: Account, folder: Folder, readOnly: boolean) {
    this.account = account;
    this.folder = folder;
    this.readOnly = readOnly;
    this.uidValidity = folder.uidValidity;
    this.announcedFlags = definedFlags(folder).join(' ');
    this.admit(folder.messages);
  }

  /** In sequence-number order: seq = index + 1. */
  get messages(): readonly StoredMessage[] {
    return this.entries.map((entry) => entry.message);
  }

  get exists(): number {
    return this.entries.length;
  }

  get recentCount(): number {
    return this.recent.size;
  }

  /** The folder was deleted or renumbered: nothing the client holds of it is valid any more. */
  get gone(): boolean {
    return !this.account.owns(this.folder) || this.folder.uidValidity !== this.uidValidity;
  }

  /** Expunged by someone else, and the client not yet told. */
  isExpunged(message: StoredMessage): boolean {
    return !this.folder.has(message);
  }

  /** The flags as this session shows them: \Recent is per session (§2.3.2). */
  flags(message: StoredMessage): string[] {
    return [...message.flags, ...(this.recent.has(message) ? ['\\Recent'] : [])];
  }

  isRecent(message: StoredMessage): boolean {
    return this.recent.has(message);
  }

  /** The client has just been sent the message's current flags. */
  reported(message: StoredMessage): void {
    const entry = this.byMessage.get(message);
    if (entry) entry.reportedFlags = flagKey(message.flags);
  }

  /**
   * What changed since the client was last told: EXPUNGEs (when allowed), EXISTS and RECENT
   * for arrivals, FETCH FLAGS for flags someone else changed. EXPUNGE comes first, each with
   * the sequence number as it is at that moment (RFC 3501 §7.4.1).
   */
  sync(allowExpunges: boolean): Untagged[] {
    const untagged: Untagged[] = allowExpunges ? this.reportExpunges() : [];
    const lastUid = this.entries[this.entries.length - 1]?.message.uid ?? 0;
    const arrived = this.folder.messages.filter((message) => message.uid > lastUid);
    if (arrived.length > 0) {
      this.admit(arrived);
      untagged.push([num(this.entries.length), raw('EXISTS')], [num(this.recent.size), raw('RECENT')]);
    }
    untagged.push(...this.keywordNews());
    this.entries.forEach((entry, index) => {
      const key = flagKey(entry.message.flags);
      if (key === entry.reportedFlags || this.isExpunged(entry.message)) return;
      entry.reportedFlags = key;
      untagged.push([num(index + 1), raw('FETCH'), list([raw('FLAGS'), list(this.flags(entry.message).map(raw))])]);
    });
    return untagged;
  }

  /**
   * A new FLAGS list when a keyword came into use. The list only grows during a session:
   * a keyword no message carries any more stays defined, so nothing the client saw vanishes.
   */
  keywordNews(): Untagged[] {
    const known = new Set(this.announcedFlags.split(' '));
    const current = definedFlags(this.folder).filter((flag) => !known.has(flag));
    if (current.length === 0) return [];
    const flags = [...known, ...current].filter((flag) => flag !== '');
    this.announcedFlags = flags.join(' ');
    return flagsResponses(flags, this.readOnly);
  }

  /** `* n EXPUNGE` for every message gone from the folder, and forgets them. */
  reportExpunges(): Untagged[] {
    const untagged: Untagged[] = [];
    // One pass: a message's number when its EXPUNGE is sent is its place among those kept so
    // far, plus one (the messages before it that were expunged are already gone by then).
    const kept: ViewEntry[] = [];
    for (const entry of this.entries) {
      if (!this.isExpunged(entry.message)) {
        kept.push(entry);
        continue;
      }
      this.byMessage.delete(entry.message);
      this.recent.delete(entry.message);
      untagged.push([num(kept.length + 1), raw('EXPUNGE')]);
    }
    if (untagged.length > 0) this.entries = kept;
    return untagged;
  }

  /** New messages join the view; a read-write session takes their \Recent flag (§2.3.2). */
  private admit(messages: readonly StoredMessage[]): void {
    for (const message of messages) {
      const entry = { message, reportedFlags: flagKey(message.flags) };
      this.entries.push(entry);
      this.byMessage.set(message, entry);
      const recent = this.readOnly ? this.folder.isUnclaimedRecent(message) : this.folder.claimRecent(message);
      if (recent) this.recent.add(message);
    }
  }
}
