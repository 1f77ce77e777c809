import { selectMessages } from '../mailbox/message-set.ts';
import { bad, badArguments, defineCommand, no, ok } from './contract.ts';

/**
 * RFC 4315 §2.1: EXPUNGE limited to the given UIDs, so a client removes what it marked
 * without removing what another client marked \Deleted meanwhile.
 */
export const uidExpungeCommand = defineCommand({
  name: 'UID EXPUNGE',
  allowedIn: ['selected'],
  handle(ctx, args) {
    if (args.length !== 1) return badArguments('UID EXPUNGE', 'uid-set');
    const state = ctx.state;
    const targets = selectMessages(state.view, args[0], true);
    if (!targets.ok) return bad(targets.message);
    if (state.readOnly) return no('Mailbox is read-only', { code: 'READ-ONLY' });
    const chosen = new Set(targets.messages.map(({ message }) => message));
    ctx.store.expunge(state.account, state.folder, (message) => chosen.has(message));
    return ok('UID EXPUNGE completed', { untagged: state.view.reportExpunges() });
  },
});
