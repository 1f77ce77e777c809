import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAILBOX_DELIMITER, matchesListPattern } from './mailbox-names.ts';

/**
 * The plain reading of RFC 3501 §6.3.8, straight from the definition and slow on purpose: try
 * every way a wildcard could end. Only for short inputs.
 */
function reference(name: string, pattern: string): boolean {
  const matchFrom = (n: readonly string[], p: readonly string[], same: (a: string, b: string) => boolean): boolean => {
    if (p.length === 0) return n.length === 0;
    const [head, ...rest] = p;
    if (head === '*' || head === '%') {
      for (let taken = 0; taken <= n.length; taken++) {
        if (matchFrom(n.slice(taken), rest, same)) return true;
        if (head === '%' && n[taken] === MAILBOX_DELIMITER) return false;
      }
      return false;
    }
    return n.length > 0 && same(n[0] ?? '', head ?? '') && matchFrom(n.slice(1), rest, same);
  };
  if (matchFrom([...name], [...pattern], (a, b) => a === b)) return true;
  return name.toUpperCase() === 'INBOX' && matchFrom([...'INBOX'], [...pattern], (a, b) => a === b.toUpperCase());
}

/** Few distinct characters, so that patterns and names share characters and matches happen. */
const alphabet = fc.constantFrom('a', 'b', 'I', 'n', 'N', 'B', 'o', 'x', 'X', '/', '.', 'ü', '😀');
const text = (maxLength: number, extra: string[] = []) =>
  fc.array(extra.length > 0 ? fc.oneof(alphabet, fc.constantFrom(...extra)) : alphabet, { maxLength }).map((chars) => chars.join(''));

describe('LIST pattern matching', () => {
  it('agrees with the plain definition on every name and pattern', () => {
    fc.assert(
      fc.property(fc.oneof(text(8), fc.constantFrom('INBOX', 'Inbox', 'INBOX/a', 'a/b/c')), text(8, ['*', '%', '*', '%']), (name, pattern) => {
        expect(matchesListPattern(name, pattern)).toBe(reference(name, pattern));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on patterns made of the name itself with wildcards put in', () => {
    fc.assert(
      fc.property(text(10), fc.array(fc.tuple(fc.nat(), fc.constantFrom('*', '%')), { maxLength: 4 }), (name, insertions) => {
        const chars = [...name];
        for (const [at, wildcard] of insertions) chars.splice(at % (chars.length + 1), 0, wildcard);
        const pattern = chars.join('');
        expect(matchesListPattern(name, pattern)).toBe(reference(name, pattern));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers a pattern of 16,000 "%" against nested names by counting, not by backtracking', () => {
    // Linear work: matching is pattern × name steps at most, so this is a few million steps
    // where a backtracking matcher needs more steps than there are atoms.
    const pattern = '%'.repeat(16_000);
    expect(matchesListPattern('Archive/2024/Projects', pattern)).toBe(false);
    expect(matchesListPattern('Archive', pattern)).toBe(true);
    expect(matchesListPattern('a/b/c/d/e/f/g/h', `${'%/'.repeat(7)}${'%'.repeat(16_000)}`)).toBe(true);
  });
});
