import { raw, type WireValue } from './writer.ts';

/**
 * One untagged response, without the leading `* ` (RFC 3501 §7). Its own file because both the
 * command contract and the mailbox view speak of it, and the contract depends on the view
 * through the session state.
 */
export type Untagged = readonly WireValue[];

/** An untagged status response such as `* OK [UIDNEXT 4] Predicted next UID` (RFC 3501 §7.1). */
export function untaggedStatus(status: 'OK' | 'NO' | 'BAD' | 'BYE', text: string, code?: string): Untagged {
  return [raw(`${status} ${code === undefined ? '' : `[${code}] `}${text}`)];
}
