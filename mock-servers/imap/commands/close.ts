import { authenticated } from '../session-state.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 3501 §6.4.2: back to the authenticated state, silently removing the \Deleted messages
 * of a read-write mailbox (no EXPUNGE responses; other sessions hear of it as usual).
 */
export const closeCommand = defineCommand({
  name: 'CLOSE',
  allowedIn: ['selected'],
  endsSelection: true,
  handle(ctx, args) {
    if (args.length > 0) return badArguments('CLOSE', '(no arguments)');
    const state = ctx.state;
    if (!state.readOnly) ctx.store.expunge(state.account, state.folder);
    return ok('CLOSE completed', { nextState: authenticated(state.account) });
  },
});
