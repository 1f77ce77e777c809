/** IMAP system flags (RFC 3501 §2.3.2). Keywords are any other atom. */
export const SYSTEM_FLAGS = ['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft'] as const;

/** One message as the server keeps it: the raw source is the truth, everything else is metadata. */
export interface StoredMessage {
  /** Unique within the folder for its UIDVALIDITY, strictly ascending (RFC 3501 §2.3.1.1). */
  readonly uid: number;
  readonly flags: Set<string>;
  /** When the server received it (RFC 3501 §2.3.3), taken from the store's clock. */
  readonly internalDate: Date;
  /** RFC822.SIZE: the exact octet count of the raw source. */
  readonly size: number;
  readonly raw: Buffer;
}

/** A message before a folder takes it (a copy COPY or MOVE prepared): its UID is given then (Folder.adopt). */
export interface UnplacedMessage extends Omit<StoredMessage, 'uid'> {
  uid: number;
}
