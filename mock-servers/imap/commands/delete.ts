import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { authenticated } from '../session-state.ts';
import { badArguments, defineCommand, ok } from './contract.ts';
import { orRefusal } from './store-refusal.ts';

/**
 * RFC 3501 §6.3.4: removes a folder and its messages; children stay. INBOX and the
 * special-use folders stay. Deleting the mailbox this session has selected closes it first;
 * other sessions that have it selected are told BYE by the dispatcher.
 */
export const deleteCommand = defineCommand({
  name: 'DELETE',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const name = mailboxArgument(args[0]);
    if (args.length !== 1 || name === undefined) return badArguments('DELETE', 'mailbox');
    const state = ctx.state;
    return orRefusal(() => {
      const deleted = ctx.store.deleteFolder(state.account, name);
      const closes = state.kind === 'selected' && state.folder === deleted;
      return ok('DELETE completed', closes ? { nextState: authenticated(state.account) } : {});
    });
  },
});
