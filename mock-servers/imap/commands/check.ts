import { badArguments, defineCommand, ok } from './contract.ts';

/** RFC 3501 §6.4.1: a checkpoint; the store is in memory, so there is nothing to flush. */
export const checkCommand = defineCommand({
  name: 'CHECK',
  allowedIn: ['selected'],
  handle(_ctx, args) {
    if (args.length > 0) return badArguments('CHECK', '(no arguments)');
    return ok('CHECK completed');
  },
});
