import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './encoded-words.ts';

describe('decodeEncodedWords', () => {
  it.each([
    ['plain', 'plain'],
    ['=?UTF-8?Q?J=C3=B6rg_Smith?=', 'Jörg Smith'],
    ['=?utf-8?B?xbzDs8WCdw==?= is here', 'żółw is here'],
    ['=?UTF-8?Q?a?= =?UTF-8?Q?b?=', 'ab'],
    ['=?ISO-8859-1?Q?caf=E9?=', 'café'],
    ['=?X-UNKNOWN?Q?x?=', '=?X-UNKNOWN?Q?x?='],
    ['=?UTF-8?B?/w==?=', '=?UTF-8?B?/w==?='],
  ])('%s', (text, decoded) => {
    expect(decodeEncodedWords(text)).toBe(decoded);
  });
});
