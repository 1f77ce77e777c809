import type { Folder } from '../../store/index.ts';
import { findFolder } from '../mailbox/mailbox-names.ts';
import { astringValue, atomValue, describeToken } from '../protocol/tokens.ts';
import { list, num, raw, str } from '../protocol/writer.ts';
import { bad, badArguments, defineCommand, no, ok } from './contract.ts';

const ITEMS: Readonly<Record<string, (folder: Folder) => number>> = {
  MESSAGES: (folder) => folder.messages.length,
  // Messages no read-write session has seen yet (RFC 3501 §2.3.2).
  RECENT: (folder) => folder.recentCount,
  UIDNEXT: (folder) => folder.uidNext,
  UIDVALIDITY: (folder) => folder.uidValidity,
  UNSEEN: (folder) => folder.unseenCount,
};

/** RFC 3501 §6.3.10: counters of a mailbox without selecting it, in the order asked. */
export const statusCommand = defineCommand({
  name: 'STATUS',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const name = astringValue(args[0]);
    const items = args[1];
    if (args.length !== 2 || name === undefined || items?.type !== 'list' || items.items.length === 0) {
      return badArguments('STATUS', 'mailbox (item ...)');
    }
    const counters: Array<readonly [string, (folder: Folder) => number]> = [];
    for (const item of items.items) {
      const itemName = atomValue(item)?.toUpperCase() ?? '';
      const counter = Object.hasOwn(ITEMS, itemName) ? ITEMS[itemName] : undefined;
      if (!counter) return bad(`Unknown STATUS item ${describeToken(item)}`);
      counters.push([itemName, counter]);
    }
    const folder = findFolder(ctx.state.account, name);
    if (!folder) return no('Mailbox does not exist', { code: 'NONEXISTENT' });
    const values = counters.flatMap(([itemName, counter]) => [raw(itemName), num(counter(folder))]);
    return ok('STATUS completed', { untagged: [[raw('STATUS'), str(name), list(values)]] });
  },
});
