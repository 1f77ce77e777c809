import { describe, expect, it } from 'vitest';
import { decodeMailboxName, encodeMailboxName, matchesListPattern } from './mailbox-names.ts';

describe('mailbox names', () => {
  it.each([
    ['INBOX', 'INBOX'],
    ['Tom & Jerry', 'Tom &- Jerry'],
    ['~peter/mail/台北/日本語', '~peter/mail/&U,BTFw-/&ZeVnLIqe-'],
    ['Входящие', '&BBIERQQ+BDQETwRJBDgENQ-'],
  ])('%s is %s in modified UTF-7 and back', (name, wire) => {
    expect(encodeMailboxName(name)).toBe(wire);
    expect(decodeMailboxName(wire)).toBe(name);
  });

  it('takes names that are not valid modified UTF-7 as they are', () => {
    expect(decodeMailboxName('A&B')).toBe('A&B');
    expect(decodeMailboxName('A&!!-')).toBe('A&!!-');
  });

  it.each([
    ['Sent', '*', true],
    ['Archive/2024', '*', true],
    ['Archive/2024', '%', false],
    ['Archive/2024', 'Archive/%', true],
    ['Archive', 'Arch*', true],
    ['INBOX', 'inbox', true],
    ['INBOX', 'In%', true],
    ['Sent', 'sent', false],
    ['a.b', 'a?b', false],
    ['', '', true],
  ])('%s matches %s: %s', (name, pattern, expected) => {
    expect(matchesListPattern(name, pattern)).toBe(expected);
  });
});
