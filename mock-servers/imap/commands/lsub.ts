import { hierarchyRoot, lsubEntries, patternTooLong } from '../mailbox/list-entries.ts';
import { parseListArguments } from '../mailbox/list-arguments.ts';
import { bad, defineCommand, ok } from './contract.ts';
import { listLine } from './list.ts';

/**
 * RFC 3501 §6.3.9: the subscribed names matching a pattern. The account's provisioned folders
 * start subscribed; CREATE does not subscribe, SUBSCRIBE and UNSUBSCRIBE do.
 */
export const lsubCommand = defineCommand({
  name: 'LSUB',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const parsed = parseListArguments(args, false);
    if (typeof parsed === 'string') return bad(`Invalid arguments for LSUB: ${parsed}`);
    const tooLong = patternTooLong(parsed.reference, parsed.pattern, ctx.maxListPatternLength);
    if (tooLong) return bad(`LSUB ${tooLong}`);
    if (parsed.pattern === '') {
      return ok('LSUB completed', { untagged: [listLine('LSUB', ['\\Noselect'], hierarchyRoot(parsed.reference))] });
    }
    const untagged = lsubEntries(ctx.state.account, parsed.reference, parsed.pattern).map((entry) => listLine('LSUB', entry.attributes, entry.name));
    return ok('LSUB completed', { untagged });
  },
});
