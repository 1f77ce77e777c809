import { bad, no, ok, type Completion, type Untagged } from '../commands/contract.ts';
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
  // The messages as the session numbers them now; a delivery while the search pauses joins the
  // session's view only at its next report (EXISTS), so the numbers stay those the client knows.
  const searched = [...messages];
  const key = parsed.key;
  function* searching(): Generator<Untagged | null> {
    const found: number[] = [];
    for (let index = 0; index < searched.length; index++) {
      if (index > 0 && index % PAUSE_EVERY === 0) yield null;
      const message = searched[index]!;
      // A message expunged elsewhere matches nothing: it is on its way out (RFC 2180 §4.3).
      if (view.isExpunged(message)) continue;
      if (matches(key, message, { seq: index + 1, recent: view.isRecent(message) })) found.push(byUid ? message.uid : index + 1);
    }
    yield [raw('SEARCH'), ...found.map(num)];
  }
  const completed = ok(`${byUid ? 'UID SEARCH' : 'SEARCH'} completed`);
  // A small folder is answered at once; a large one is searched in slices between which the
  // other sessions are served (the connection ends a slice after a few milliseconds).
  if (searched.length <= SLICE_FROM) return { ...completed, untagged: [...searching()].filter((r): r is Untagged => r !== null) };
  return { ...completed, stream: searching() };
}

/** Above this many messages a SEARCH runs in slices. */
const SLICE_FROM = 256;
/** Messages searched between two pause points: BODY and TEXT decode each message's parts. */
const PAUSE_EVERY = 8;
