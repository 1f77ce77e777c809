import { describe, expect, it } from 'vitest';
import { parseCommand } from './parser.ts';

const parse = (text: string) => parseCommand(Buffer.from(text, 'latin1'));
const atom = (value: string) => ({ type: 'atom', value });
const quoted = (value: string) => ({ type: 'string', form: 'quoted', value, bytes: Buffer.from(value) });

describe('parseCommand', () => {
  it.each([
    ['a1 NOOP', 'NOOP', []],
    ['a1 noop', 'NOOP', []],
    ['A.b-7 CAPABILITY', 'CAPABILITY', []],
    ['a1 LOGIN user pass', 'LOGIN', [atom('user'), atom('pass')]],
    ['a1 LOGIN "us er" "p\\"a\\\\ss"', 'LOGIN', [quoted('us er'), quoted('p"a\\ss')]],
    ['a1 LOGIN "" NIL', 'LOGIN', [quoted(''), { type: 'nil' }]],
    ['a1 SELECT  INBOX ', 'SELECT', [atom('INBOX')]],
    ['a1 LIST "" %/*', 'LIST', [quoted(''), atom('%/*')]],
    ['a1 LIST "" [Gmail]/*', 'LIST', [quoted(''), atom('[Gmail]/*')]],
    ['a1 STORE 1:* +FLAGS.SILENT (\\Seen $Label)', 'STORE', [atom('1:*'), atom('+FLAGS.SILENT'), { type: 'list', items: [atom('\\Seen'), atom('$Label')] }]],
    ['a1 ID ()', 'ID', [{ type: 'list', items: [] }]],
    ['a1 X ((a) (b c))', 'X', [{ type: 'list', items: [{ type: 'list', items: [atom('a')] }, { type: 'list', items: [atom('b'), atom('c')] }] }]],
    ['a1 UID fetch 1:* (UID)', 'UID FETCH', [atom('1:*'), { type: 'list', items: [atom('UID')] }]],
  ])('%s', (text, name, args) => {
    expect(parse(text)).toEqual({ ok: true, command: { tag: expect.any(String), name, args } });
  });

  it('reads literals, synchronising and not, as octets', () => {
    const bytes = Buffer.concat([Buffer.from('a1 LOGIN {4}\r\nuser {5+}\r\n'), Buffer.from('pä\r\n'), Buffer.from(' {0}\r\n')]);
    expect(parseCommand(bytes)).toEqual({
      ok: true,
      command: {
        tag: 'a1',
        name: 'LOGIN',
        args: [
          { type: 'string', form: 'literal', value: 'user', bytes: Buffer.from('user') },
          { type: 'string', form: 'literal', value: 'pä\r\n', bytes: Buffer.from('pä\r\n') },
          { type: 'string', form: 'literal', value: '', bytes: Buffer.alloc(0) },
        ],
      },
    });
  });

  it.each([
    ['BODY[]', { type: 'atom', value: 'BODY', section: { items: [] } }],
    ['BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>', {
      type: 'atom',
      value: 'BODY.PEEK',
      section: { items: [atom('HEADER.FIELDS'), { type: 'list', items: [atom('FROM'), atom('TO')] }] },
      partial: { start: 0, length: 100 },
    }],
    ['body[1.2.MIME]', { type: 'atom', value: 'body', section: { items: [atom('1.2.MIME')] } }],
    ['BODY[TEXT]<5>', { type: 'atom', value: 'BODY', section: { items: [atom('TEXT')] }, partial: { start: 5 } }],
  ])('reads the section syntax %s', (item, token) => {
    expect(parse(`a1 FETCH 1 (UID ${item})`)).toEqual({
      ok: true,
      command: { tag: 'a1', name: 'FETCH', args: [atom('1'), { type: 'list', items: [atom('UID'), token] }] },
    });
  });

  it.each([
    ['', undefined, 'Empty command line'],
    ['   ', undefined, 'Empty command line'],
    ['a1', 'a1', 'Missing command name'],
    ['a1 ', 'a1', 'Missing command name'],
    ['+ NOOP', undefined, 'Missing or invalid tag'],
    ['a"1 NOOP', 'a', 'Invalid character in tag'],
    ['a1 UID', 'a1', 'UID must be followed by a command name'],
    ['a1 LOGIN "unterminated', 'a1', 'Unterminated quoted string'],
    ['a1 LOGIN "bad\\escape"', 'a1', 'Invalid escape in quoted string'],
    ['a1 LOGIN "a""b"', 'a1', 'Unexpected character """'],
    ['a1 X (a b', 'a1', 'Missing ")"'],
    ['a1 X a)', 'a1', 'Unexpected character ")"'],
    ['a1 FETCH 1 BODY[HEADER', 'a1', 'Missing "]"'],
    ['a1 FETCH 1 BODY[]<1.0>', 'a1', 'Invalid partial range'],
    ['a1 FETCH 1 BODY[]<x>', 'a1', 'Invalid partial range'],
    ['a1 X {5}\r\nab', 'a1', 'Literal data is incomplete'],
    ['a1 X {x}', 'a1', 'Invalid literal'],
    ['a1 X \x01', 'a1', 'Unexpected character 0x01'],
    ['a1 X caf\xe9', 'a1', 'Unexpected character 0xe9'],
    ['a1 X ' + '('.repeat(40), 'a1', 'Lists nested too deeply'],
  ])('reports %j as a value', (text, tag, message) => {
    expect(parse(text)).toEqual({ ok: false, tag, message });
  });
});
