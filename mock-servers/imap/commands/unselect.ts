import { authenticated } from '../session-state.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/** RFC 3691: like CLOSE, never expunging. */
export const unselectCommand = defineCommand({
  name: 'UNSELECT',
  allowedIn: ['selected'],
  endsSelection: true,
  handle(ctx, args) {
    if (args.length > 0) return badArguments('UNSELECT', '(no arguments)');
    return ok('UNSELECT completed', { nextState: authenticated(ctx.state.account) });
  },
});
