import type { StoredMessage } from '../../store/index.ts';
import { bad, badArguments, ok, type CommandContext, type Completion, type Untagged } from '../commands/contract.ts';
import { selectIndexRanges } from '../mailbox/message-set.ts';
import type { Token } from '../protocol/tokens.ts';
import type { Selected } from '../session-state.ts';
import { parseFetchItems } from './fetch-items.ts';
import { fetchResponse } from './fetch-response.ts';

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8). Sequence numbers past the last message are a
 * client error (BAD); UIDs that match nothing are not, the answer is simply empty. A message
 * expunged by someone else but not yet reported is still served as it was (RFC 2180 §4.1.1),
 * so the client's numbers keep their meaning until it hears of the EXPUNGE.
 */
export function runFetch(ctx: CommandContext<Selected>, args: readonly Token[], byUid: boolean): Completion {
  const { state, store } = ctx;
  const view = state.view;
  const command = byUid ? 'UID FETCH' : 'FETCH';
  const itemsToken = args[1];
  if (args.length !== 2 || !itemsToken) return badArguments(command, 'sequence-set items');
  const targets = selectIndexRanges(view, args[0], byUid);
  if (!targets.ok) return bad(targets.message);
  const items = parseFetchItems(itemsToken);
  if (!items.ok) return bad(items.message);
  const wanted = items.items;
  // The messages as numbered now, gone through range by range: no object per message is made
  // before its response, so a FETCH of a whole large folder holds no more than the folder does.
  const numbered = view.messages;
  const { ranges, count } = targets;
  const asksFlags = wanted.some((item) => item.kind === 'FLAGS');
  function* selected(): Generator<{ readonly seq: number; readonly message: StoredMessage }> {
    for (const range of ranges) for (let index = range.from; index < range.to; index++) yield { seq: index + 1, message: numbered[index]! };
  }
  function* responses(): Generator<Untagged> {
    for (const { seq, message } of selected()) {
      const markSeen = () => {
        store.setFlags(state.account, state.folder, [message], 'add', ['\\Seen']);
        view.reported(message);
      };
      const canMarkSeen = !state.readOnly && !view.isExpunged(message);
      yield fetchResponse(seq, message, wanted, { byUid, flags: () => view.flags(message), ...(canMarkSeen ? { markSeen } : {}) });
      if (asksFlags) view.reported(message);
    }
  }
  // A few messages are answered at once; many are made as they are written (contract.ts).
  if (count <= STREAM_FROM) return ok(`${command} completed`, { untagged: [...responses()] });
  return { ...ok(`${command} completed`), stream: responses() };
}

/** Above this many messages a FETCH is written in slices. */
const STREAM_FROM = 64;
