import { SYSTEM_FLAGS, type StoredMessage } from '../../store/index.ts';
import { bad, badArguments, no, ok, type Completion, type Untagged } from '../commands/contract.ts';
import { atomValue, describeToken, type Token } from '../protocol/tokens.ts';
import { parseSequenceSet, sequenceSetHas, withinSequenceNumbers } from '../protocol/sequence-set.ts';
import { list, num, raw } from '../protocol/writer.ts';
import { visibleMessages, type Selected } from '../session-state.ts';

type Operation = 'replace' | 'add' | 'remove';

/**
 * STORE and UID STORE (RFC 3501 §6.4.6, §6.4.8): `[+|-]FLAGS[.SILENT] flags`. Unless .SILENT,
 * each changed message's new flags are reported in a FETCH response (with its UID for UID STORE).
 */
export function runStore(state: Selected, args: readonly Token[], byUid: boolean): Completion {
  const command = byUid ? 'UID STORE' : 'STORE';
  const setText = atomValue(args[0]);
  const item = /^([+-]?)FLAGS(\.SILENT)?$/i.exec(atomValue(args[1]) ?? '');
  const flagTokens = args[2]?.type === 'list' && args.length === 3 ? args[2].items : args.slice(2);
  if (setText === undefined || !item || args.length < 3) return badArguments(command, 'sequence-set [+|-]FLAGS[.SILENT] (flag ...)');
  const flags = parseFlags(flagTokens);
  if (typeof flags === 'string') return bad(flags);
  const messages = visibleMessages(state);
  const set = parseSequenceSet(setText, byUid ? (messages[messages.length - 1]?.uid ?? 0) : messages.length);
  if (!set.ok) return bad(set.message);
  if (!byUid && !withinSequenceNumbers(set.set, messages.length)) return bad('Invalid message sequence number');
  if (state.readOnly) return no('Mailbox is read-only', { code: 'READ-ONLY' });
  const operation: Operation = item[1] === '+' ? 'add' : item[1] === '-' ? 'remove' : 'replace';
  const untagged: Untagged[] = [];
  messages.forEach((message, index) => {
    if (!sequenceSetHas(set.set, byUid ? message.uid : index + 1)) return;
    applyFlags(message, operation, flags);
    if (item[2]) return;
    const flagList = [raw('FLAGS'), list([...message.flags].map(raw))];
    untagged.push([num(index + 1), raw('FETCH'), list(byUid ? [raw('UID'), num(message.uid), ...flagList] : flagList)]);
  });
  return ok(`${command} completed`, { untagged });
}

/**
 * System flags are written in their canonical case; \Recent is the server's to set and is
 * ignored (RFC 3501 §2.3.2); any other backslash flag is unknown; keywords are atoms.
 */
function parseFlags(tokens: readonly Token[]): string[] | string {
  const flags: string[] = [];
  for (const token of tokens) {
    const flag = atomValue(token);
    if (flag === undefined || /[%*\]]/.test(flag)) return `Invalid flag ${describeToken(token)}`;
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

function applyFlags(message: StoredMessage, operation: Operation, flags: readonly string[]): void {
  const find = (flag: string) => [...message.flags].find((present) => present.toLowerCase() === flag.toLowerCase());
  if (operation === 'replace') message.flags.clear();
  for (const flag of flags) {
    const present = find(flag);
    if (operation === 'remove') {
      if (present !== undefined) message.flags.delete(present);
    } else if (present === undefined) {
      message.flags.add(flag);
    }
  }
}
