import { authenticated } from '../session-state.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 3501 §6.4.2: back to the authenticated state. CLOSE would also remove \Deleted messages
 * of a read-write mailbox, but the store keeps every message, so none are removed.
 */
export const closeCommand = defineCommand({
  name: 'CLOSE',
  allowedIn: ['selected'],
  endsSelection: true,
  handle(ctx, args) {
    if (args.length > 0) return badArguments('CLOSE', '(no arguments)');
    return ok('CLOSE completed', { nextState: authenticated(ctx.state.account) });
  },
});
