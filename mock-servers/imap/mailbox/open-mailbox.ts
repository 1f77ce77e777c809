import { astringValue, type Token } from '../protocol/tokens.ts';
import { num, raw } from '../protocol/writer.ts';
import { authenticated, selected, type Authenticated, type Selected } from '../session-state.ts';
import { badArguments, no, ok, untaggedStatus, type Completion, type Untagged } from '../commands/contract.ts';
import { definedFlags, firstUnseen, flagsResponses } from './mailbox-flags.ts';
import { findFolder } from './mailbox-names.ts';

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1, §6.3.2): the same answer but for PERMANENTFLAGS and the
 * READ-WRITE / READ-ONLY code. A failed attempt leaves no mailbox selected.
 */
export function openMailbox(state: Authenticated | Selected, args: readonly Token[], readOnly: boolean): Completion {
  const command = readOnly ? 'EXAMINE' : 'SELECT';
  const name = astringValue(args[0]);
  if (args.length !== 1 || name === undefined) return badArguments(command, 'mailbox');
  const folder = findFolder(state.account, name);
  if (!folder) return no('Mailbox does not exist', { code: 'NONEXISTENT', nextState: authenticated(state.account) });
  const nextState = selected(state.account, folder, readOnly);
  const flags = definedFlags(folder);
  const unseen = firstUnseen(folder);
  const untagged: Untagged[] = [
    ...flagsResponses(flags, readOnly),
    [num(nextState.view.exists), raw('EXISTS')],
    // SELECT takes \Recent from messages no session has seen; EXAMINE only looks (§2.3.2, §6.3.2).
    [num(nextState.view.recentCount), raw('RECENT')],
    ...(unseen === undefined ? [] : [untaggedStatus('OK', `Message ${unseen} is first unseen`, `UNSEEN ${unseen}`)]),
    untaggedStatus('OK', 'UIDs valid', `UIDVALIDITY ${folder.uidValidity}`),
    untaggedStatus('OK', 'Predicted next UID', `UIDNEXT ${folder.uidNext}`),
  ];
  return ok(`${command} completed`, {
    untagged,
    code: readOnly ? 'READ-ONLY' : 'READ-WRITE',
    nextState,
  });
}
