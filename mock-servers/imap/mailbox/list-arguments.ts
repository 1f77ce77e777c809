import { astringValue, atomValue, type Token } from '../protocol/tokens.ts';
import { decodeMailboxName } from './mailbox-names.ts';

export interface ListArguments {
  readonly reference: string;
  readonly pattern: string;
  /** `LIST (SPECIAL-USE) ...`: only mailboxes with a special use (RFC 6154 §3). */
  readonly specialUseOnly: boolean;
  /** SUBSCRIBED asked for (RFC 5258 §3): report \Subscribed on subscribed folders. */
  readonly subscribed: boolean;
  /** `LIST (SUBSCRIBED) ...`: only subscribed folders. */
  readonly subscribedOnly: boolean;
}

const SELECTION_OPTIONS = new Set(['SPECIAL-USE', 'SUBSCRIBED']);
const RETURN_OPTIONS = new Set(['SPECIAL-USE', 'CHILDREN', 'SUBSCRIBED']);

/**
 * `LIST reference pattern` (RFC 3501 §6.3.8), also in the extended form
 * `LIST (selection) reference pattern RETURN (options)` (RFC 5258) as far as RFC 6154 uses it.
 * Special-use and child attributes are always returned, so those options only need accepting.
 */
export function parseListArguments(args: readonly Token[], allowExtended: boolean): ListArguments | string {
  let rest = [...args];
  let selection: string[] = [];
  let returns: string[] = [];
  if (allowExtended && rest[0]?.type === 'list') {
    const options = optionNames(rest[0].items);
    if (!options) return 'LIST selection options must be atoms';
    selection = options;
    rest = rest.slice(1);
  }
  const returnList = rest[3];
  if (allowExtended && rest.length === 4 && atomValue(rest[2])?.toUpperCase() === 'RETURN' && returnList?.type === 'list') {
    const options = optionNames(returnList.items);
    if (!options) return 'LIST return options must be atoms';
    returns = options;
    rest = rest.slice(0, 2);
  }
  const reference = astringValue(rest[0]);
  const pattern = astringValue(rest[1]);
  if (rest.length !== 2 || reference === undefined || pattern === undefined) return 'expected reference and mailbox pattern';
  const unknownSelection = selection.find((option) => !SELECTION_OPTIONS.has(option));
  if (unknownSelection) return `Unsupported LIST selection option ${unknownSelection}`;
  const unknownReturn = returns.find((option) => !RETURN_OPTIONS.has(option));
  if (unknownReturn) return `Unsupported LIST return option ${unknownReturn}`;
  return {
    reference: decodeMailboxName(reference),
    pattern: decodeMailboxName(pattern),
    specialUseOnly: selection.includes('SPECIAL-USE'),
    subscribed: selection.includes('SUBSCRIBED') || returns.includes('SUBSCRIBED'),
    subscribedOnly: selection.includes('SUBSCRIBED'),
  };
}

function optionNames(items: readonly Token[]): string[] | undefined {
  const names = items.map((item) => atomValue(item)?.toUpperCase());
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}
