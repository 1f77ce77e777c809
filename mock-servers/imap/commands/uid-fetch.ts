import { runFetch } from '../fetch/run-fetch.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.8: message data by UID; every response carries the UID. */
export const uidFetchCommand = defineCommand({
  name: 'UID FETCH',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runFetch(ctx, args, true);
  },
});
