import { runSearch } from '../search/run-search.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.8: the UIDs of matching messages. */
export const uidSearchCommand = defineCommand({
  name: 'UID SEARCH',
  allowedIn: ['selected'],
  handle(ctx, args) {
    return runSearch(ctx.state, args, true);
  },
});
