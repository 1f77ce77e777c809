import { LOGOUT } from '../session-state.ts';
import { raw } from '../protocol/writer.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/** RFC 3501 §6.1.3: `* BYE`, then the tagged OK, then the server closes the connection. */
export const logoutCommand = defineCommand({
  name: 'LOGOUT',
  allowedIn: ['not-authenticated', 'authenticated', 'selected'],
  endsSelection: true,
  handle(_ctx, args) {
    if (args.length > 0) return badArguments('LOGOUT', '(no arguments)');
    return ok('LOGOUT completed', { untagged: [[raw('BYE Logging out')]], nextState: LOGOUT });
  },
});
