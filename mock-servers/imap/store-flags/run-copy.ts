import { prepareCopy, type PreparedCopy, type StoredMessage } from '../../store/index.ts';
import { bad, badArguments, no, ok, untaggedStatus, type CommandContext, type CommandOutcome, type Completion } from '../commands/contract.ts';
import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { findFolder } from '../mailbox/mailbox-names.ts';
import { selectIndexRanges, type IndexRange } from '../mailbox/message-set.ts';
import type { Token } from '../protocol/tokens.ts';
import { formatSequenceSet } from '../protocol/sequence-set.ts';
import type { Selected } from '../session-state.ts';

/**
 * COPY, MOVE and their UID forms (RFC 3501 §6.4.7, RFC 6851, RFC 4315). All or nothing: a
 * missing target is NO [TRYCREATE]; a message someone else expunged makes the whole command
 * NO [EXPUNGEISSUED] (RFC 2180 §4.4.1). Success carries COPYUID: for COPY on the tagged OK,
 * for MOVE on an untagged OK before the EXPUNGEs (RFC 6851 §4.3).
 *
 * Many messages are copied in two stages, as Dovecot does in one transaction (src/imap/
 * cmd-copy.c, fetch_and_copy): the copies are prepared in slices, between which other sessions
 * are served, and committed to the target in one synchronous step (UIDs, the copies placed, the
 * originals expunged for MOVE, other sessions told), so nobody sees part of a copy, nor a moved
 * message in both folders or in neither. What may happen between slices, and the answer:
 * - a message is expunged by someone else: Dovecot stops at the first one it meets and rolls
 *   the transaction back (`if (mail->expunged) ret = 0`), answering NO [EXPUNGEISSUED] "Some of
 *   the requested messages no longer exist"; so does this, for one met while preparing or
 *   found gone at the commit, and nothing is copied or moved (Dovecot commits a MOVE every
 *   1,000 messages, so a failed one may have moved some; here a MOVE is one step too);
 * - the target is deleted or renamed: Dovecot's commit fails ("Mailbox was deleted under us")
 *   and rolls back; here the name is looked up again at the commit and, if it names no mailbox
 *   now, the answer is NO [TRYCREATE], as RFC 3501 §6.4.7 asks for a target that does not
 *   exist, with nothing copied (if it names another mailbox by then, the copies go there: the
 *   command takes effect at its commit);
 * - the selected mailbox is deleted or renumbered: the session ends with BYE, as for any
 *   command (dispatcher.ts), and the work is dropped;
 * - the client goes away: the work is dropped with the connection, so nothing is copied, as
 *   Dovecot aborts a COPY whose client has disconnected "to avoid client duplicating the COPY
 *   again later".
 * A copy takes the flags its original had when it was prepared, as Dovecot's do
 * (mailbox_save_copy_flags, message by message inside the loop).
 */
export function runCopy(ctx: CommandContext<Selected>, args: readonly Token[], byUid: boolean, move: boolean): CommandOutcome {
  const { state } = ctx;
  const command = `${byUid ? 'UID ' : ''}${move ? 'MOVE' : 'COPY'}`;
  const name = mailboxArgument(args[1]);
  if (args.length !== 2 || name === undefined) return badArguments(command, 'sequence-set mailbox');
  const selection = selectIndexRanges(state.view, args[0], byUid);
  if (!selection.ok) return bad(selection.message);
  if (!findFolder(state.account, name)) return no('Mailbox does not exist', { code: 'TRYCREATE' });
  if (move && state.readOnly) return no('Mailbox is read-only', { code: 'READ-ONLY' });
  if (selection.count === 0) return ok(`${command} completed, nothing to do`);
  // The messages as the session numbers them now (a snapshot: the view changes only when the
  // client is told, and it is not told during the command).
  const work = copying(ctx, { ranges: selection.ranges, messages: state.view.messages, name, command, move });
  if (selection.count > SLICE_FROM) return { kind: 'deferred', work };
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

interface CopyRequest {
  readonly ranges: readonly IndexRange[];
  readonly messages: readonly StoredMessage[];
  /** The target as the client named it, looked up again at the commit. */
  readonly name: string;
  readonly command: string;
  readonly move: boolean;
}

function* copying(ctx: CommandContext<Selected>, request: CopyRequest): Generator<null, Completion> {
  const { state, store } = ctx;
  const { view } = state;
  const prepared: PreparedCopy[] = [];
  let sincePause = 0;
  for (const range of request.ranges) {
    for (let index = range.from; index < range.to; index++) {
      if (++sincePause === PAUSE_EVERY) {
        sincePause = 0;
        yield null;
      }
      const message = request.messages[index]!;
      if (view.isExpunged(message)) return expungeIssued();
      prepared.push(prepareCopy(message));
    }
  }
  // The commit, from here to the end in one synchronous step.
  if (prepared.some(({ source }) => view.isExpunged(source))) return expungeIssued();
  const target = findFolder(state.account, request.name);
  if (!target) return no(`Mailbox was deleted or renamed during the ${request.command}; nothing was ${request.move ? 'moved' : 'copied'}`, { code: 'TRYCREATE' });
  const copies = store.commitCopies(state.account, state.folder, prepared, target, request.move);
  const code = `COPYUID ${target.uidValidity} ${formatSequenceSet(copies.map(({ source }) => source.uid))} ${formatSequenceSet(copies.map(({ copy }) => copy.uid))}`;
  if (!request.move) return ok(`${request.command} completed`, { code });
  return ok(`${request.command} completed`, { untagged: [untaggedStatus('OK', 'Moved', code), ...view.reportExpunges()] });
}

function expungeIssued(): Completion {
  return no('Some of the requested messages no longer exist', { code: 'EXPUNGEISSUED' });
}

/** Above this many messages a COPY or MOVE is prepared in slices. */
const SLICE_FROM = 256;
/** Copies prepared between two pause points. */
const PAUSE_EVERY = 16;
