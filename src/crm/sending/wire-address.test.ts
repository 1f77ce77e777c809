import { describe, expect, it } from 'vitest';
import { toWireAddress } from './wire-address.ts';

// Reference §1.8 (EDITOR, SAVE_EMAIL's check_email): trimmed, then local@domain without white space.
describe('the address a typed recipient is sent to (R8.3, R8.5)', () => {
  it.each([
    ['jan@client.test', 'jan@client.test'],
    ['  jan@client.test ', 'jan@client.test'],
    ['\tjan.kowalski@client.test\n', 'jan.kowalski@client.test'],
    ['Jan@Client.TEST', 'Jan@Client.TEST'],
  ])('R8.3 %j is sent to %j: white space around the address is dropped', (typed, wire) => {
    expect(toWireAddress(typed)).toBe(wire);
  });

  it.each([
    '', 'jan', 'jan@', '@client.test', 'jan kowalski@client.test', 'jan.kowalski @client.test', 'jan.kowalski@ client.test',
    'jan . kowalski @ client . test', 'a@b@c.test', 'jan..k@client.test', 'jan@client.', '<jan@client.test>',
  ])('R8.5 refuses %j: the form accepts no white space inside an address', (typed) => {
    expect(toWireAddress(typed)).toBeUndefined();
  });
});
