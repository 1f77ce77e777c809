import { runCopy } from '../store-flags/run-copy.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.8: COPY by UID. */
export const uidCopyCommand = defineCommand({
  name: 'UID COPY',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runCopy(ctx, args, true, false);
  },
});
