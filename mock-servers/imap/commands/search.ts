import { runSearch } from '../search/run-search.ts';
import { defineCommand } from './contract.ts';

/** RFC 3501 §6.4.4: the sequence numbers of matching messages. */
export const searchCommand = defineCommand({
  name: 'SEARCH',
  allowedIn: ['selected'],
  defersExpunges: true,
  handle(ctx, args) {
    return runSearch(ctx.state, args, false);
  },
});
