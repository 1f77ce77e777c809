import { openMailbox } from '../mailbox/open-mailbox.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.3.1: open a mailbox read-write. */
export const selectCommand = defineCommand({
  name: 'SELECT',
  allowedIn: ['authenticated', 'selected'],
  endsSelection: true,
  handle(ctx, args) {
    return openMailbox(ctx.state, args, false);
  },
});
