import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 3501 §6.3.6: adds a name to the subscriptions. The folder need not exist (a server
 * "MAY validate", and subscriptions outlive folders anyway, so none is made).
 */
export const subscribeCommand = defineCommand({
  name: 'SUBSCRIBE',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const name = mailboxArgument(args[0]);
    if (args.length !== 1 || name === undefined) return badArguments('SUBSCRIBE', 'mailbox');
    ctx.store.subscribe(ctx.state.account, name);
    return ok('SUBSCRIBE completed');
  },
});
