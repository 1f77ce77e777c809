import { hierarchyRoot, listEntries, patternTooLong } from '../mailbox/list-entries.ts';
import { parseListArguments } from '../mailbox/list-arguments.ts';
import { encodeMailboxName, MAILBOX_DELIMITER } from '../mailbox/mailbox-names.ts';
import { list, raw, str } from '../protocol/writer.ts';
import { bad, defineCommand, ok, type Untagged } from './contract.ts';

/**
 * RFC 3501 §6.3.8: `* LIST (attributes) "/" name` for each match, with RFC 6154 special-use
 * attributes, and \Subscribed when asked for (RFC 5258 §3). An empty pattern asks only for
 * the delimiter and root.
 */
export const listCommand = defineCommand({
  name: 'LIST',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const parsed = parseListArguments(args, true);
    if (typeof parsed === 'string') return bad(`Invalid arguments for LIST: ${parsed}`);
    const tooLong = patternTooLong(parsed.reference, parsed.pattern, ctx.maxListPatternLength);
    if (tooLong) return bad(`LIST ${tooLong}`);
    if (parsed.pattern === '') {
      return ok('LIST completed', { untagged: [listLine('LIST', ['\\Noselect'], hierarchyRoot(parsed.reference))] });
    }
    const account = ctx.state.account;
    const untagged = listEntries(account, parsed.reference, parsed.pattern)
      .filter((entry) => (entry.specialUse || !parsed.specialUseOnly) && (account.isSubscribed(entry.name) || !parsed.subscribedOnly))
      .map((entry) => {
        const subscribed = parsed.subscribed && account.isSubscribed(entry.name);
        return listLine('LIST', [...entry.attributes, ...(subscribed ? ['\\Subscribed'] : [])], entry.name);
      });
    return ok('LIST completed', { untagged });
  },
});

export function listLine(kind: 'LIST' | 'LSUB', attributes: readonly string[], name: string): Untagged {
  return [raw(kind), list(attributes.map(raw)), str(MAILBOX_DELIMITER), str(encodeMailboxName(name))];
}
