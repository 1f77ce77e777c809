import { runCopy } from '../store-flags/run-copy.ts';
import { defineCommand } from './contract.ts';

/** RFC 6851 §3.2: MOVE by UID. */
export const uidMoveCommand = defineCommand({
  name: 'UID MOVE',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runCopy(ctx, args, true, true);
  },
});
