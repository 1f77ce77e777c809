import type { ReadingProblem } from './reading-problems.ts';

/** A mail address with its optional display name, as the connector's parser gives it. */
export interface Address {
  readonly name?: string;
  readonly address: string;
}

/**
 * A message the mail connector found on the server and parsed, handed to the CRM once per new
 * message. The CRM never reads the mail store itself (design.md).
 */
export interface InboundMailboxMessage {
  /** The IMAP folder path it was found in, e.g. "INBOX", "Spam". */
  readonly folder: string;
  readonly uidValidity: number;
  readonly uid: number;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly subject: string;
  /** The Date header. */
  readonly date?: Date;
  /** IMAP INTERNALDATE: when the mail server received it, "Received" in Mail (R5.1). */
  readonly receivedAt: Date;
  readonly from: readonly Address[];
  readonly replyTo: readonly Address[];
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly text?: string;
  readonly html?: string;
  /** The \Seen flag at sync time: an already read message is saved as completed (R5.4). */
  readonly seen: boolean;
  /** Size in octets as the server reports it (RFC 3501 RFC822.SIZE). */
  readonly size?: number;
  /** A digest of the raw message: identifies a message without a Message-ID (R1.5). */
  readonly contentDigest?: string;
  /** What the connector could not read; absent or empty for a well-formed message. */
  readonly readingProblems?: readonly ReadingProblem[];
}

/**
 * One entry of a mailbox's message list, what Webmail shows. Every synced message is kept,
 * whether or not it went to the CRM, so "Save to CRM" can be pressed next to it later (R3.1).
 */
export interface MailboxMessage extends InboundMailboxMessage {
  readonly id: number;
  readonly mailboxId: number;
  /** When the connector handed it to the CRM. */
  readonly syncedAt: Date;
}
