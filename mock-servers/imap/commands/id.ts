import { astringValue, type Token } from '../protocol/tokens.ts';
import { list, raw, str } from '../protocol/writer.ts';
import { bad, badArguments, defineCommand, ok } from './contract.ts';

/** What the server says about itself in reply to ID. */
export const SERVER_ID: ReadonlyArray<readonly [string, string]> = [
  ['name', 'Mock IMAP server'],
  ['vendor', 'crm-email-faq-harness'],
  ['support-url', 'https://www.rfc-editor.org/rfc/rfc3501'],
];

/**
 * RFC 2971: the client may send `NIL` or a list of field/value pairs (at most 30, fields at most
 * 30 octets, values at most 1024 octets, §3.3); the server answers with its own list.
 */
export const idCommand = defineCommand({
  name: 'ID',
  allowedIn: ['not-authenticated', 'authenticated', 'selected'],
  handle(_ctx, args) {
    const [params] = args;
    if (args.length !== 1 || !params) return badArguments('ID', '(NIL or a list of field/value pairs)');
    const problem = validateParams(params);
    if (problem) return bad(problem);
    return ok('ID completed', { untagged: [[raw('ID'), list(SERVER_ID.flatMap(([field, value]) => [str(field), str(value)]))]] });
  },
});

function validateParams(params: Token): string | undefined {
  if (params.type === 'nil') return undefined;
  if (params.type !== 'list') return 'ID expects NIL or a parenthesised list';
  const items = params.items;
  if (items.length % 2 !== 0) return 'ID parameters must come in field/value pairs';
  if (items.length > 60) return 'ID accepts at most 30 field/value pairs';
  for (let index = 0; index < items.length; index += 2) {
    const field = items[index];
    const value = items[index + 1];
    // Strictly these are strings (§4); atoms are accepted too, as other servers do.
    const name = field?.type === 'nil' ? undefined : astringValue(field);
    if (name === undefined || Buffer.byteLength(name) > 30) return 'ID field names must be strings of at most 30 octets';
    if (value?.type === 'nil') continue;
    const text = astringValue(value);
    if (text === undefined || Buffer.byteLength(text) > 1024) return 'ID values must be NIL or strings of at most 1024 octets';
  }
  return undefined;
}
