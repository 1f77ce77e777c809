import { astringValue, type Token } from '../protocol/tokens.ts';
import { decodeMailboxName } from './mailbox-names.ts';

/** A mailbox argument (RFC 3501 §9, `mailbox`): an astring in modified UTF-7, as Unicode. */
export function mailboxArgument(token: Token | undefined): string | undefined {
  const wire = astringValue(token);
  return wire === undefined ? undefined : decodeMailboxName(wire);
}
