import type { StoredMessage } from '../../store/index.ts';
import { atomValue, type Token } from '../protocol/tokens.ts';
import { parseSequenceSet, withinSequenceNumbers } from '../protocol/sequence-set.ts';
import type { MailboxView } from './mailbox-view.ts';

export interface NumberedMessage {
  readonly seq: number;
  readonly message: StoredMessage;
}

export type MessageSetResult = { readonly ok: true; readonly messages: readonly NumberedMessage[] } | { readonly ok: false; readonly message: string };

/** Positions in the view, `from` included and `to` not (seq = index + 1). */
export interface IndexRange {
  readonly from: number;
  readonly to: number;
}

export type IndexRangesResult = { readonly ok: true; readonly ranges: readonly IndexRange[]; readonly count: number } | { readonly ok: false; readonly message: string };

/**
 * The messages a sequence set names in the session's view (RFC 3501 §9), in sequence order.
 * Sequence numbers past the last message are a client error; UIDs that match nothing are not,
 * they are simply not there (§6.4.8). `*` is the last message the client knows of.
 */
export function selectMessages(view: MailboxView, token: Token | undefined, byUid: boolean): MessageSetResult {
  const resolved = selectIndexRanges(view, token, byUid);
  if (!resolved.ok) return resolved;
  const messages = view.messages;
  const chosen: NumberedMessage[] = [];
  for (const range of resolved.ranges) {
    for (let index = range.from; index < range.to; index++) chosen.push({ seq: index + 1, message: messages[index]! });
  }
  return { ok: true, messages: chosen };
}

/**
 * The same selection as positions: ascending ranges that neither overlap nor touch, found in
 * time that depends on the set's ranges, not on the messages, so a command over many messages
 * (COPY, MOVE) can go through them in slices.
 */
export function selectIndexRanges(view: MailboxView, token: Token | undefined, byUid: boolean): IndexRangesResult {
  const text = atomValue(token);
  if (text === undefined) return { ok: false, message: 'Missing or invalid sequence set' };
  const messages = view.messages;
  const set = parseSequenceSet(text, byUid ? (messages[messages.length - 1]?.uid ?? 0) : messages.length);
  if (!set.ok) return set;
  if (!byUid && !withinSequenceNumbers(set.set, messages.length)) return { ok: false, message: 'Invalid message sequence number' };
  // Each range is found by binary search (sequence numbers and UIDs both ascend in the view,
  // RFC 3501 §2.3.1.1), so a UID set of many ranges over a large folder, as a client fetching
  // in batches sends, costs the messages it names, not ranges × messages.
  const key = byUid ? (index: number) => messages[index]!.uid : (index: number) => index + 1;
  const found = set.set.ranges
    .map((range) => ({ from: firstAtLeast(messages.length, key, range.from), to: firstAtLeast(messages.length, key, range.to + 1) }))
    .filter((range) => range.from < range.to)
    .sort((a, b) => a.from - b.from);
  const ranges: IndexRange[] = [];
  let count = 0;
  for (const range of found) {
    const last = ranges[ranges.length - 1];
    if (last && range.from <= last.to) {
      if (range.to > last.to) {
        count += range.to - last.to;
        ranges[ranges.length - 1] = { from: last.from, to: range.to };
      }
      continue;
    }
    ranges.push(range);
    count += range.to - range.from;
  }
  return { ok: true, ranges, count };
}

/** The first index whose key is at least `value` (keys ascend), or `length`. */
function firstAtLeast(length: number, key: (index: number) => number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (key(middle) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
