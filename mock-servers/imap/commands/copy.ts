import { runCopy } from '../store-flags/run-copy.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.7: copies messages by sequence number, flags and INTERNALDATE kept. */
export const copyCommand = defineCommand({
  name: 'COPY',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runCopy(ctx, args, false, false);
  },
});
