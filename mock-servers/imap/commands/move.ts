import { runCopy } from '../store-flags/run-copy.ts';
import { defineCommand } from './contract.ts';

/** RFC 6851: moves messages by sequence number; the originals are expunged at once. */
export const moveCommand = defineCommand({
  name: 'MOVE',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runCopy(ctx, args, false, true);
  },
});
