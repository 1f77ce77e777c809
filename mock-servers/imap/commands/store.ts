import { runStore } from '../store-flags/run-store.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.6: change flags by sequence number. */
export const storeCommand = defineCommand({
  name: 'STORE',
  allowedIn: ['selected'],
  defersExpunges: true,
  handle(ctx, args) {
    return runStore(ctx, args, false);
  },
});
