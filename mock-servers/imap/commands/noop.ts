import { badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 3501 §6.1.2: does nothing, which is the point. New messages are announced before every
 * tagged reply in the selected state (by the dispatcher), so NOOP is how a client polls.
 */
export const noopCommand = defineCommand({
  name: 'NOOP',
  allowedIn: ['not-authenticated', 'authenticated', 'selected'],
  handle(_ctx, args) {
    if (args.length > 0) return badArguments('NOOP', '(no arguments)');
    return ok('NOOP completed');
  },
});
