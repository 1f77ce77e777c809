import { bad, badArguments, ok, type Completion, type Untagged } from '../commands/contract.ts';
import { atomValue, type Token } from '../protocol/tokens.ts';
import { parseSequenceSet, sequenceSetHas, withinSequenceNumbers } from '../protocol/sequence-set.ts';
import { visibleMessages, type Selected } from '../session-state.ts';
import { parseFetchItems } from './fetch-items.ts';
import { fetchResponse } from './fetch-response.ts';

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8). Sequence numbers past the last message are a
 * client error (BAD); UIDs that match nothing are not, the answer is simply empty.
 */
export function runFetch(state: Selected, args: readonly Token[], byUid: boolean): Completion {
  const command = byUid ? 'UID FETCH' : 'FETCH';
  const setText = atomValue(args[0]);
  const itemsToken = args[1];
  if (args.length !== 2 || setText === undefined || !itemsToken) return badArguments(command, 'sequence-set items');
  const messages = visibleMessages(state);
  const max = byUid ? (messages[messages.length - 1]?.uid ?? 0) : messages.length;
  const set = parseSequenceSet(setText, max);
  if (!set.ok) return bad(set.message);
  if (!byUid && !withinSequenceNumbers(set.set, messages.length)) return bad('Invalid message sequence number');
  const items = parseFetchItems(itemsToken);
  if (!items.ok) return bad(items.message);
  const untagged: Untagged[] = [];
  messages.forEach((message, index) => {
    const seq = index + 1;
    if (!sequenceSetHas(set.set, byUid ? message.uid : seq)) return;
    untagged.push(fetchResponse(seq, message, items.items, { byUid, readOnly: state.readOnly }));
  });
  return ok(`${command} completed`, { untagged });
}
