import { describe, expect, it } from 'vitest';
import { parseAddressList } from './address.ts';

const box = (mailbox: string, host: string, name?: string, route?: string) => ({ kind: 'mailbox', ...(name ? { name } : {}), ...(route ? { route } : {}), mailbox, host });

describe('parseAddressList', () => {
  it.each([
    ['a@x.test', [box('a', 'x.test')]],
    ['John Doe <john@x.test>', [box('john', 'x.test', 'John Doe')]],
    ['"Doe, John" <john@x.test>, b@y.test', [box('john', 'x.test', 'Doe, John'), box('b', 'y.test')]],
    ['"Say \\"hi\\"" <a@x.test>', [box('a', 'x.test', 'Say "hi"')]],
    ['=?UTF-8?Q?J=C3=B6rg?= <j@x.test>', [box('j', 'x.test', '=?UTF-8?Q?J=C3=B6rg?=')]],
    ['john@x.test (John Doe)', [box('john', 'x.test', 'John Doe')]],
    ['<a@x.test>', [box('a', 'x.test')]],
    ['"john doe"@x.test', [box('"john doe"', 'x.test')]],
    ['<@relay.test:a@x.test>', [box('a', 'x.test', undefined, '@relay.test')]],
    ['Team: a@x.test, B <b@y.test>;, c@z.test', [
      { kind: 'group-start', name: 'Team' }, box('a', 'x.test'), box('b', 'y.test', 'B'), { kind: 'group-end' }, box('c', 'z.test'),
    ]],
    ['undisclosed-recipients:;', [{ kind: 'group-start', name: 'undisclosed-recipients' }, { kind: 'group-end' }]],
    ['', []],
    ['not an address', [box('notanaddress', '')]],
    ['a@x.test,,b@y.test', [box('a', 'x.test'), box('b', 'y.test')]],
    ['Broken <a@x.test', [box('a', 'x.test', 'Broken')]],
    ['"unterminated <a@x.test>', [box('"unterminated <a@x.test>"', '')]],
  ])('%s', (value, expected) => {
    expect(parseAddressList(value)).toEqual(expected);
  });
});
