import { runStore } from '../store-flags/run-store.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.8: change flags by UID. */
export const uidStoreCommand = defineCommand({
  name: 'UID STORE',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runStore(ctx, args, true);
  },
});
