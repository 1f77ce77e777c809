import { openMailbox } from '../mailbox/open-mailbox.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.3.2: open a mailbox read-only; even BODY[] leaves \Seen alone. */
export const examineCommand = defineCommand({
  name: 'EXAMINE',
  allowedIn: ['authenticated', 'selected'],
  endsSelection: true,
  handle(ctx, args) {
    return openMailbox(ctx.state, args, true);
  },
});
