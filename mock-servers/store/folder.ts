import type { FolderRole } from './special-use.ts';
import type { StoredMessage } from './stored-message.ts';

export interface AppendOptions {
  flags?: Iterable<string>;
  internalDate: Date;
}

/**
 * A mailbox folder. Messages are kept in UID order, so a message's sequence number is its
 * index + 1 (RFC 3501 §2.3.1.2).
 */
export class Folder {
  readonly name: string;
  readonly role: FolderRole | undefined;
  readonly uidValidity: number;
  private nextUid = 1;
  private readonly stored: StoredMessage[] = [];

  constructor(name: string, role: FolderRole | undefined, uidValidity: number) {
    this.name = name;
    this.role = role;
    this.uidValidity = uidValidity;
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

  append(raw: Buffer, options: AppendOptions): StoredMessage {
    const message: StoredMessage = {
      uid: this.nextUid++,
      flags: new Set(options.flags ?? []),
      internalDate: new Date(options.internalDate.getTime()),
      size: raw.length,
      raw,
    };
    this.stored.push(message);
    return message;
  }

  byUid(uid: number): StoredMessage | undefined {
    return this.stored.find((m) => m.uid === uid);
  }
}
