import type { StoredMessage } from '../../store/index.ts';
import { atomValue, type Token } from '../protocol/tokens.ts';
import { parseSequenceSet, sequenceSetHas, withinSequenceNumbers } from '../protocol/sequence-set.ts';
import type { MailboxView } from './mailbox-view.ts';

export interface NumberedMessage {
  readonly seq: number;
  readonly message: StoredMessage;
}

export type MessageSetResult = { readonly ok: true; readonly messages: readonly NumberedMessage[] } | { readonly ok: false; readonly message: string };

/**
 * The messages a sequence set names in the session's view (RFC 3501 §9), in sequence order.
 * Sequence numbers past the last message are a client error; UIDs that match nothing are not,
 * they are simply not there (§6.4.8). `*` is the last message the client knows of.
 */
export function selectMessages(view: MailboxView, token: Token | undefined, byUid: boolean): MessageSetResult {
  const text = atomValue(token);
  if (text === undefined) return { ok: false, message: 'Missing or invalid sequence set' };
  const messages = view.messages;
  const set = parseSequenceSet(text, byUid ? (messages[messages.length - 1]?.uid ?? 0) : messages.length);
  if (!set.ok) return set;
  if (!byUid && !withinSequenceNumbers(set.set, messages.length)) return { ok: false, message: 'Invalid message sequence number' };
  const chosen: NumberedMessage[] = [];
  messages.forEach((message, index) => {
    if (sequenceSetHas(set.set, byUid ? message.uid : index + 1)) chosen.push({ seq: index + 1, message });
  });
  return { ok: true, messages: chosen };
}
