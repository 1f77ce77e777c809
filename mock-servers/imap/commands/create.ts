import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { badArguments, defineCommand, ok } from './contract.ts';
import { orRefusal } from './store-refusal.ts';

/**
 * RFC 3501 §6.3.3: a new folder. A trailing "/" only announces children; missing parent
 * levels need no folder of their own. The new folder is not subscribed (§6.3.6 is the
 * client's to do).
 */
export const createCommand = defineCommand({
  name: 'CREATE',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const name = mailboxArgument(args[0]);
    if (args.length !== 1 || name === undefined) return badArguments('CREATE', 'mailbox');
    return orRefusal(() => {
      ctx.store.createFolder(ctx.state.account, name, { subscribe: false });
      return ok('CREATE completed');
    });
  },
});
