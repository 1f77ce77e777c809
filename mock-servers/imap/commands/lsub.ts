import { hierarchyRoot, listEntries } from '../mailbox/list-entries.ts';
import { parseListArguments } from '../mailbox/list-arguments.ts';
import { bad, defineCommand, ok } from './contract.ts';
import { listLine } from './list.ts';

/**
 * RFC 3501 §6.3.9: the subscribed mailboxes matching a pattern. Subscriptions are not kept;
 * every folder counts as subscribed, which is what LSUB-using clients (imapflow) expect of a
 * server where every folder is visible.
 */
export const lsubCommand = defineCommand({
  name: 'LSUB',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const parsed = parseListArguments(args, false);
    if (typeof parsed === 'string') return bad(`Invalid arguments for LSUB: ${parsed}`);
    if (parsed.pattern === '') {
      return ok('LSUB completed', { untagged: [listLine('LSUB', ['\\Noselect'], hierarchyRoot(parsed.reference))] });
    }
    const untagged = listEntries(ctx.state.account, parsed.reference, parsed.pattern).map((entry) => listLine('LSUB', entry.attributes, entry.name));
    return ok('LSUB completed', { untagged });
  },
});
