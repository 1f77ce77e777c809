import { mailboxArgument } from '../mailbox/mailbox-argument.ts';
import { findFolder } from '../mailbox/mailbox-names.ts';
import { parseInternalDate } from '../message/dates.ts';
import type { Token } from '../protocol/tokens.ts';
import { parseFlags } from '../store-flags/run-store.ts';
import { bad, badArguments, defineCommand, no, ok } from './contract.ts';

const USAGE = 'mailbox [(flags)] ["date-time"] {literal}';

/**
 * RFC 3501 §6.3.11: stores a message, with flags and INTERNALDATE when given (else now, from
 * the store's clock). A missing folder is NO [TRYCREATE] so the client may create it and
 * retry; success carries APPENDUID (RFC 4315 §3). The message arrives as a literal, either
 * form (RFC 7888); its octets are kept exactly.
 */
export const appendCommand = defineCommand({
  name: 'APPEND',
  allowedIn: ['authenticated', 'selected'],
  handle(ctx, args) {
    const name = mailboxArgument(args[0]);
    const rest = args.slice(1);
    const flagList = rest[0]?.type === 'list' ? rest.shift() : undefined;
    const dateToken = rest.length === 2 ? rest.shift() : undefined;
    const message = rest[0];
    if (name === undefined || rest.length !== 1 || message?.type !== 'string') return badArguments('APPEND', USAGE);
    if (message.form !== 'literal') return bad('The message must be sent as a literal');
    const flags = flagList?.type === 'list' ? parseFlags(flagList.items) : [];
    if (typeof flags === 'string') return bad(flags);
    const internalDate = dateToken === undefined ? ctx.store.clock() : appendDate(dateToken);
    if (internalDate === undefined) return bad('Invalid date-time, expected e.g. "02-Mar-2026 10:00:00 +0100"');
    if (message.bytes.length === 0) return no('A message cannot be empty');
    const folder = findFolder(ctx.state.account, name);
    if (!folder) return no('Mailbox does not exist', { code: 'TRYCREATE' });
    const stored = ctx.store.deliver(ctx.state.account, folder, message.bytes, { flags, internalDate });
    return ok('APPEND completed', { code: `APPENDUID ${folder.uidValidity} ${stored.uid}` });
  },
});

function appendDate(token: Token): Date | undefined {
  return token.type === 'string' && token.form === 'quoted' ? parseInternalDate(token.value) : undefined;
}
