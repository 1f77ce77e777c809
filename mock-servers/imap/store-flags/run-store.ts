import { SYSTEM_FLAGS, type FlagOperation } from '../../store/index.ts';
import { bad, badArguments, no, ok, type CommandContext, type Completion, type Untagged } from '../commands/contract.ts';
import { atomValue, describeToken, type Token } from '../protocol/tokens.ts';
import { list, num, raw } from '../protocol/writer.ts';
import type { Selected } from '../session-state.ts';
import { selectMessages } from '../mailbox/message-set.ts';

/**
 * STORE and UID STORE (RFC 3501 §6.4.6, §6.4.8): `[+|-]FLAGS[.SILENT] flags`. Unless .SILENT,
 * each message's new flags are reported in a FETCH response (with its UID for UID STORE).
 * Other sessions hear of the change through the store. A message someone else expunged is
 * left alone and the answer is NO [EXPUNGEISSUED] (RFC 2180 §4.2.1, RFC 5530).
 */
export function runStore(ctx: CommandContext<Selected>, args: readonly Token[], byUid: boolean): Completion {
  const { state, store } = ctx;
  const command = byUid ? 'UID STORE' : 'STORE';
  const item = /^([+-]?)FLAGS(\.SILENT)?$/i.exec(atomValue(args[1]) ?? '');
  const flagTokens = args[2]?.type === 'list' && args.length === 3 ? args[2].items : args.slice(2);
  if (!item || args.length < 3) return badArguments(command, 'sequence-set [+|-]FLAGS[.SILENT] (flag ...)');
  const flags = parseFlags(flagTokens);
  if (typeof flags === 'string') return bad(flags);
  const targets = selectMessages(state.view, args[0], byUid);
  if (!targets.ok) return bad(targets.message);
  if (state.readOnly) return no('Mailbox is read-only', { code: 'READ-ONLY' });
  const operation: FlagOperation = item[1] === '+' ? 'add' : item[1] === '-' ? 'remove' : 'replace';
  const living = targets.messages.filter(({ message }) => !state.view.isExpunged(message));
  store.setFlags(state.account, state.folder, living.map(({ message }) => message), operation, flags);
  // A keyword new to the mailbox is announced before the FETCH that shows it (RFC 3501 §7.2.6).
  const untagged: Untagged[] = state.view.keywordNews();
  // Told now, so that the news sent after the command does not tell of these changes again.
  for (const { message } of living) state.view.reported(message);
  const silent = item[2] !== undefined;
  function* responses(): Generator<Untagged> {
    if (silent) return;
    for (const { seq, message } of living) {
      const flagList = [raw('FLAGS'), list(state.view.flags(message).map(raw))];
      yield [num(seq), raw('FETCH'), list(byUid ? [raw('UID'), num(message.uid), ...flagList] : flagList)];
    }
  }
  // Many responses are made as they are written, in slices (contract.ts).
  const streamed = !silent && living.length > STREAM_FROM;
  const done = living.length < targets.messages.length ? no('Some of the requested messages no longer exist', { untagged, code: 'EXPUNGEISSUED' }) : ok(`${command} completed`, { untagged });
  return streamed ? { ...done, stream: responses() } : { ...done, untagged: [...untagged, ...responses()] };
}

/** Above this many messages, STORE's FETCH responses are written in slices. */
const STREAM_FROM = 64;

/**
 * System flags are written in their canonical case; \Recent is the server's to set and is
 * ignored (RFC 3501 §2.3.2); any other backslash flag is unknown; keywords are atoms.
 */
export function parseFlags(tokens: readonly Token[]): string[] | string {
  const flags: string[] = [];
  for (const token of tokens) {
    const flag = atomValue(token);
    if (flag === undefined || /[%*\]()"{]/.test(flag)) return `Invalid flag ${describeToken(token)}`;
    if (!flag.startsWith('\\')) {
      flags.push(flag);
      continue;
    }
    if (flag.toLowerCase() === '\\recent') continue;
    const system = SYSTEM_FLAGS.find((known) => known.toLowerCase() === flag.toLowerCase());
    if (!system) return `Unknown system flag ${flag}`;
    flags.push(system);
  }
  return flags;
}
