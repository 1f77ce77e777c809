import type { ParsedEmail } from './parse-message.ts';

export interface ImapAccount {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface RemoteFolder {
  path: string;
  /** RFC 6154 attribute (\Sent, \Junk, \Trash, \Drafts) as the server or the folder's name says. */
  specialUse?: string;
}

/** One new message as found on the server, parsed, with the IMAP facts the CRM needs. */
export interface SyncedMessage extends ParsedEmail {
  folder: string;
  uidValidity: number;
  uid: number;
  /** INTERNALDATE: when the server received it (R5.1). */
  receivedAt: Date;
  /** \Seen at sync time: a message already read becomes a completed activity (R5.4). */
  seen: boolean;
  /** RFC822.SIZE: the message's size in octets, shown even for a message that cannot be read. */
  size: number;
  /**
   * SHA-256 of the raw message, hex: what identifies a message without a Message-ID, so that
   * syncing it again from another folder or after a UIDVALIDITY change never saves it twice (R1.5).
   */
  contentDigest: string;
}

/** The other end of the connector: the CRM, seen only through what the connector needs. */
export interface SyncTarget {
  registerFolders(folders: readonly RemoteFolder[]): void;
  foldersToSync(): readonly string[];
  /** Called once per message, as it arrives from the server. */
  receive(message: SyncedMessage): void;
}

export interface SyncFailure {
  folder: string;
  uid: number;
  reason: string;
}

export interface SyncReport {
  folders: string[];
  /** Messages handed to the target (or failed there) in this synchronisation. */
  fetched: number;
  failures: SyncFailure[];
  /** Connections lost and reopened during this synchronisation (or lost since the last one). */
  reconnects: number;
  /** Connections this synchronisation opened: 0 when the session of an earlier one was still open. */
  connections: number;
}
