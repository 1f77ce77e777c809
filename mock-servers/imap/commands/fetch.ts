import { runFetch } from '../fetch/run-fetch.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.5: message data by sequence number. */
export const fetchCommand = defineCommand({
  name: 'FETCH',
  allowedIn: ['selected'],
  defersExpunges: true,
  handle(ctx, args) {
    return runFetch(ctx, args, false);
  },
});
