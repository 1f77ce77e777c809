import { describe, expect, it } from 'vitest';
import { toWireAddress } from './wire-address.ts';

describe('the address mail is delivered to (R8.3)', () => {
  it.each([
    ['jan@client.test', 'jan@client.test'],
    ['  jan@client.test ', 'jan@client.test'],
    ['jan.kowalski @client.test', 'jan.kowalski@client.test'],
    ['jan.kowalski@ client.test', 'jan.kowalski@client.test'],
    ['jan . kowalski @ client . test', 'jan.kowalski@client.test'],
    ['Jan@Client.TEST', 'Jan@Client.TEST'],
  ])('R8.3 %j is delivered to %j (RFC 5322 §4.4 white space around "@" and dots)', (typed, wire) => {
    expect(toWireAddress(typed)).toBe(wire);
  });

  it.each(['', 'jan', 'jan@', '@client.test', 'jan kowalski@client.test', 'a@b@c.test', 'jan..k@client.test', 'jan@client.', '<jan@client.test>'])(
    'R8.3 refuses %j: no mail system would deliver it',
    (typed) => {
      expect(toWireAddress(typed)).toBeUndefined();
    },
  );
});
