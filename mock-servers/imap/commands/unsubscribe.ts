import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/** RFC 3501 §6.3.7: removes a name from the subscriptions; the folder itself stays. */
export const unsubscribeCommand = defineCommand({
  name: 'UNSUBSCRIBE',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const name = mailboxArgument(args[0]);
    if (args.length !== 1 || name === undefined) return badArguments('UNSUBSCRIBE', 'mailbox');
    ctx.store.unsubscribe(ctx.state.account, name);
    return ok('UNSUBSCRIBE completed');
  },
});
