import { bad, badArguments, no, ok, untaggedStatus, type CommandContext, type Completion } from '../commands/contract.ts';
import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { findFolder } from '../mailbox/mailbox-names.ts';
import { selectMessages } from '../mailbox/message-set.ts';
import type { Token } from '../protocol/tokens.ts';
import { formatSequenceSet } from '../protocol/sequence-set.ts';
import type { Selected } from '../session-state.ts';

/**
 * COPY, MOVE and their UID forms (RFC 3501 §6.4.7, RFC 6851, RFC 4315). All or nothing: a
 * missing target is NO [TRYCREATE]; a message someone else expunged makes the whole command
 * NO [EXPUNGEISSUED] (RFC 2180 §4.4.1). Success carries COPYUID: for COPY on the tagged OK,
 * for MOVE on an untagged OK before the EXPUNGEs (RFC 6851 §4.3).
 */
export function runCopy(ctx: CommandContext<Selected>, args: readonly Token[], byUid: boolean, move: boolean): Completion {
  const { state, store } = ctx;
  const command = `${byUid ? 'UID ' : ''}${move ? 'MOVE' : 'COPY'}`;
  const name = mailboxArgument(args[1]);
  if (args.length !== 2 || name === undefined) return badArguments(command, 'sequence-set mailbox');
  const targets = selectMessages(state.view, args[0], byUid);
  if (!targets.ok) return bad(targets.message);
  const target = findFolder(state.account, name);
  if (!target) return no('Mailbox does not exist', { code: 'TRYCREATE' });
  if (move && state.readOnly) return no('Mailbox is read-only', { code: 'READ-ONLY' });
  const messages = targets.messages.map(({ message }) => message);
  if (messages.some((message) => state.view.isExpunged(message))) {
    return no('Some of the requested messages no longer exist', { code: 'EXPUNGEISSUED' });
  }
  if (messages.length === 0) return ok(`${command} completed, nothing to do`);
  const copies = move ? store.moveMessages(state.account, state.folder, messages, target) : store.copyMessages(state.account, state.folder, messages, target);
  const code = `COPYUID ${target.uidValidity} ${formatSequenceSet(copies.map(({ source }) => source.uid))} ${formatSequenceSet(copies.map(({ copy }) => copy.uid))}`;
  if (!move) return ok(`${command} completed`, { code });
  return ok(`${command} completed`, { untagged: [untaggedStatus('OK', 'Moved', code), ...state.view.reportExpunges()] });
}
