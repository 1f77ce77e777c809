import { describe, expect, it } from 'vitest';
import { parseParty } from './addresses.ts';

describe('parseParty', () => {
  it.each([
    ['Jan Kowalski <jan@client.test>', { name: 'Jan Kowalski', address: 'jan@client.test' }],
    ['<jan@client.test>', { address: 'jan@client.test' }],
    ['  jan@client.test ', { address: 'jan@client.test' }],
  ])('reads %s', (text, expected) => {
    expect(parseParty(text)).toEqual(expected);
  });

  it.each(['Jan Kowalski', 'jan@', '<>', ''])('refuses %j with a hint', (text) => {
    expect(() => parseParty(text)).toThrow(/is not an e-mail address; write/);
  });
});
