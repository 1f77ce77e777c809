import type { FolderRole } from './special-use.ts';
import type { StoredMessage, UnplacedMessage } from './stored-message.ts';

export interface AppendOptions {
  flags?: Iterable<string>;
  internalDate: Date;
}

/**
 * A mailbox folder. Messages are kept in UID order, so a message's sequence number is its
 * index + 1 (RFC 3501 §2.3.1.2). Change it through MailStore, which tells the sessions; the
 * mutators here are the store's building blocks and emit nothing.
 */
export class Folder {
  readonly role: FolderRole | undefined;
  private currentName: string;
  private currentUidValidity: number;
  private nextUid = 1;
  private stored: StoredMessage[] = [];
  /** The same messages, for constant-time membership checks by every session on every command. */
  private readonly present = new Set<StoredMessage>();
  /**
   * Messages no session has yet been told of while having the folder open read-write: the
   * first such session sees them as \Recent and takes the flag (RFC 3501 §2.3.2).
   */
  private readonly unclaimedRecent = new Set<StoredMessage>();

  constructor(name: string, role: FolderRole | undefined, uidValidity: number) {
    this.currentName = name;
    this.role = role;
    this.currentUidValidity = uidValidity;
  }

  get name(): string {
    return this.currentName;
  }

  get uidValidity(): number {
    return this.currentUidValidity;
  }

  /** The UID the next appended message will get (RFC 3501 §2.3.1.1). */
  get uidNext(): number {
    return this.nextUid;
  }

  get messages(): readonly StoredMessage[] {
    return this.stored;
  }

  get unseenCount(): number {
    return this.stored.filter((m) => !m.flags.has('\\Seen')).length;
  }

  /** Messages still waiting for a read-write session to see them (STATUS RECENT). */
  get recentCount(): number {
    return this.unclaimedRecent.size;
  }

  append(raw: Buffer, options: AppendOptions): StoredMessage {
    const message: StoredMessage = {
      uid: this.nextUid++,
      flags: new Set(options.flags ?? []),
      internalDate: new Date(options.internalDate.getTime()),
      size: raw.length,
      raw,
    };
    this.stored.push(message);
    this.present.add(message);
    this.unclaimedRecent.add(message);
    return message;
  }

  /**
   * Takes messages made outside the folder (copies COPY or MOVE prepared), each given the next
   * UID in the order given, all in one step.
   */
  adopt(messages: readonly UnplacedMessage[]): void {
    for (const message of messages) {
      message.uid = this.nextUid++;
      this.stored.push(message);
      this.present.add(message);
      this.unclaimedRecent.add(message);
    }
  }

  /**
   * Fills an empty folder from a snapshot: these messages in UID order, this UIDNEXT, and
   * which of them are still \Recent for nobody (`recent[i]` for `messages[i]`).
   */
  load(messages: readonly StoredMessage[], uidNext: number, recent: readonly boolean[]): void {
    if (this.stored.length > 0) throw new Error(`Folder "${this.name}" is not empty`);
    this.stored = [...messages].sort((a, b) => a.uid - b.uid);
    this.nextUid = Math.max(uidNext, (this.stored.at(-1)?.uid ?? 0) + 1);
    messages.forEach((message, index) => {
      this.present.add(message);
      if (recent[index]) this.unclaimedRecent.add(message);
    });
  }

  /** Found by binary search: `stored` is in ascending UID order (RFC 3501 §2.3.1.1). */
  byUid(uid: number): StoredMessage | undefined {
    let low = 0;
    let high = this.stored.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.stored[middle]!.uid < uid) low = middle + 1;
      else high = middle;
    }
    const found = this.stored[low];
    return found?.uid === uid ? found : undefined;
  }

  /** The message is still in this folder (not expunged, not renumbered away). */
  has(message: StoredMessage): boolean {
    return this.present.has(message);
  }

  /** Removes these messages; returns the ones that were here, in UID order. */
  remove(messages: Iterable<StoredMessage>): StoredMessage[] {
    const doomed = new Set(messages);
    const removed = this.stored.filter((m) => doomed.has(m));
    this.stored = this.stored.filter((m) => !doomed.has(m));
    for (const message of removed) {
      this.present.delete(message);
      this.unclaimedRecent.delete(message);
    }
    return removed;
  }

  /** Whether this message is \Recent for nobody yet. */
  isUnclaimedRecent(message: StoredMessage): boolean {
    return this.unclaimedRecent.has(message);
  }

  /** A read-write session takes \Recent for a message; true when it was the first (§2.3.2). */
  claimRecent(message: StoredMessage): boolean {
    return this.unclaimedRecent.delete(message);
  }

  rename(name: string): void {
    this.currentName = name;
  }

  /**
   * A new UIDVALIDITY and new UIDs from 1 (RFC 3501 §2.3.1.1: the old UIDs mean nothing now).
   * Messages become new objects, so nobody mistakes an old UID for a new one.
   */
  renumber(uidValidity: number): void {
    this.currentUidValidity = uidValidity;
    // Which positions are still \Recent for nobody, read in one pass (not a search per message).
    const recent = new Set<number>();
    this.stored.forEach((m, index) => this.unclaimedRecent.has(m) && recent.add(index));
    this.stored = this.stored.map((m, index) => ({ ...m, uid: index + 1, flags: new Set(m.flags) }));
    this.nextUid = this.stored.length + 1;
    this.present.clear();
    for (const message of this.stored) this.present.add(message);
    this.unclaimedRecent.clear();
    for (const index of recent) {
      const message = this.stored[index];
      if (message) this.unclaimedRecent.add(message);
    }
  }
}
