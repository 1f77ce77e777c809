import { createHash } from 'node:crypto';
import type { FetchMessageObject } from 'imapflow';
import { parseMessage } from './parse-message.ts';
import { problem } from './reading-problems.ts';
import type { SyncedMessage } from './sync-types.ts';

/**
 * How far a Date field may run ahead of the server's INTERNALDATE: a sender's clock may be off
 * by time zone mistakes of up to a day (RFC 5322 §3.3 zones reach ±99:59); beyond that the Date
 * cannot be when the message was written, and the receipt time stands instead (R5.1).
 */
export const FUTURE_DATE_TOLERANCE_MS = 26 * 60 * 60 * 1000;

/** A fetched message as the CRM receives it: parsed, with its IMAP facts. */
export async function toSyncedMessage(folder: string, uidValidity: number, message: FetchMessageObject): Promise<SyncedMessage> {
  if (!message.source) throw new Error(`Server returned no body for UID ${message.uid}`);
  const internalDate = message.internalDate instanceof Date ? message.internalDate : new Date(message.internalDate ?? Number.NaN);
  if (Number.isNaN(internalDate.getTime())) throw new Error(`Server returned no INTERNALDATE for UID ${message.uid}`);
  const { date, ...parsed } = await parseMessage(message.source);
  const future = date !== undefined && date.getTime() - internalDate.getTime() > FUTURE_DATE_TOLERANCE_MS;
  if (future) parsed.readingProblems.push(problem('date-in-future', date.toISOString()));
  return {
    ...parsed,
    ...(date && !future ? { date } : {}),
    folder,
    uidValidity,
    uid: message.uid,
    receivedAt: internalDate,
    seen: message.flags?.has('\\Seen') ?? false,
    size: message.size ?? message.source.length,
    contentDigest: createHash('sha256').update(message.source).digest('hex'),
  };
}
