import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { badArguments, defineCommand, ok } from './contract.ts';
import { orRefusal } from './store-refusal.ts';

/**
 * RFC 3501 §6.3.5: renames a folder and its children. Renaming INBOX moves its messages to
 * the new folder and leaves INBOX empty; a session with INBOX selected sees them expunged.
 */
export const renameCommand = defineCommand({
  name: 'RENAME',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const from = mailboxArgument(args[0]);
    const to = mailboxArgument(args[1]);
    if (args.length !== 2 || from === undefined || to === undefined) return badArguments('RENAME', 'existing-mailbox new-mailbox');
    return orRefusal(() => {
      ctx.store.renameFolder(ctx.state.account, from, to);
      return ok('RENAME completed');
    });
  },
});
