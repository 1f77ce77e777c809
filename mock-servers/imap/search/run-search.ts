import { bad, no, ok, type Completion } from '../commands/contract.ts';
import { atomValue, astringValue, type Token } from '../protocol/tokens.ts';
import { num, raw } from '../protocol/writer.ts';
import type { Selected } from '../session-state.ts';
import { parseSearchKeys } from './search-keys.ts';
import { matches } from './search-match.ts';

/** Strings arrive as UTF-8; US-ASCII is a subset and MUST be accepted (RFC 3501 §6.4.4). */
const CHARSETS = ['UTF-8', 'US-ASCII'];

/**
 * SEARCH and UID SEARCH (RFC 3501 §6.4.4, §6.4.8): `* SEARCH` with the matching sequence
 * numbers or UIDs, ascending. An unsupported CHARSET is NO [BADCHARSET (...)] (§7.1).
 */
export function runSearch(state: Selected, args: readonly Token[], byUid: boolean): Completion {
  let keys = args;
  if (atomValue(args[0])?.toUpperCase() === 'CHARSET') {
    const charset = astringValue(args[1])?.toUpperCase();
    if (charset === undefined) return bad('CHARSET needs a charset name');
    if (!CHARSETS.includes(charset)) return no(`Charset ${charset} is not supported`, { code: `BADCHARSET (${CHARSETS.join(' ')})` });
    keys = args.slice(2);
  }
  const view = state.view;
  const messages = view.messages;
  const parsed = parseSearchKeys(keys, { maxSeq: messages.length, maxUid: messages[messages.length - 1]?.uid ?? 0 });
  if (!parsed.ok) return bad(parsed.message);
  const found: number[] = [];
  messages.forEach((message, index) => {
    // A message expunged elsewhere matches nothing: it is on its way out (RFC 2180 §4.3).
    if (view.isExpunged(message)) return;
    if (matches(parsed.key, message, { seq: index + 1, recent: view.isRecent(message) })) found.push(byUid ? message.uid : index + 1);
  });
  return ok(`${byUid ? 'UID SEARCH' : 'SEARCH'} completed`, { untagged: [[raw('SEARCH'), ...found.map(num)]] });
}
