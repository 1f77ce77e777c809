import { badArguments, defineCommand, no, ok } from './contract.ts';

/**
 * RFC 3501 §6.4.3: removes the \Deleted messages, `* n EXPUNGE` for each, the numbers
 * shifting as they go. Messages expunged by others are reported along with them.
 */
export const expungeCommand = defineCommand({
  name: 'EXPUNGE',
  allowedIn: ['selected'],
  handle(ctx, args) {
    if (args.length > 0) return badArguments('EXPUNGE', '(no arguments)');
    const state = ctx.state;
    if (state.readOnly) return no('Mailbox is read-only', { code: 'READ-ONLY' });
    ctx.store.expunge(state.account, state.folder);
    return ok('EXPUNGE completed', { untagged: state.view.reportExpunges() });
  },
});
