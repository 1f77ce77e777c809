/**
 * What the connector could not read in a message, kept with it so the CRM can say so in the
 * mailbox's message list instead of silently dropping or misreading anything.
 */
export type ReadingProblemCode =
  /** mailparser gave up on the message (e.g. a header block over its 1 MiB limit): nothing was read. */
  | 'unparsable'
  /** A From field is there, but holds no address that can be read. */
  | 'sender-unreadable'
  /** A Date field is there, but is not a date (RFC 5322 §3.3). */
  | 'date-unreadable'
  /** The Date field is later than the server's receipt of the message allows. */
  | 'date-in-future'
  /** No Message-ID field (RFC 5322 §3.6.4 makes it only a SHOULD). */
  | 'no-message-id'
  /** Header bytes above 127 that are not UTF-8, in a message sent without SMTPUTF8 (RFC 6532). */
  | 'header-8bit'
  /** A multipart body whose boundary never appears (RFC 2046 §5.1.1). */
  | 'broken-mime'
  /** A base64 part cut short or with characters outside the alphabet (RFC 2045 §6.8). */
  | 'broken-base64'
  /** A charset no decoder knows (RFC 2046 §4.1.2). */
  | 'unknown-charset';

export interface ReadingProblem {
  readonly code: ReadingProblemCode;
  /** What was found, e.g. the unreadable Date as written. */
  readonly detail?: string;
}

/** A problem with its detail shortened to what a list entry can show. */
export function problem(code: ReadingProblemCode, detail?: string): ReadingProblem {
  if (detail === undefined) return { code };
  const trimmed = detail.replace(/\s+/g, ' ').trim();
  return { code, detail: trimmed.length > 120 ? `${trimmed.slice(0, 117)}...` : trimmed };
}
