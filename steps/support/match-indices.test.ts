import { CucumberExpression, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The module Cucumber's expressions load (vendor/regexp-match-indices, see its package.json), found from where they are.
const fromExpressions = createRequire(createRequire(import.meta.url).resolve('@cucumber/cucumber-expressions'));
const exec = fromExpressions('regexp-match-indices') as (regexp: RegExp, text: string) => RegExpExecArray | null;

const PATTERNS = [/(a+)(b)?c/, /x(?<word>[a-z]+)(\d)?/, /((\w)(\w))-(\d*)/, /(?:q(r))|(s)/, /"([^"]*)"/g, /(o)/y];

describe('RegExp match indices for Cucumber expressions', () => {
  it('is this folder, not the polyfill', () => {
    expect(fromExpressions.resolve('regexp-match-indices')).toBe(fileURLToPath(new URL('../../vendor/regexp-match-indices/index.js', import.meta.url)));
  });

  it('answers as RegExp.prototype.exec does, with the place of every group', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'q', 'r', 's', 'o', '"', '-', '1', ' ') }), fc.nat(5), (pattern, text, start) => {
        const ours = new RegExp(pattern.source, pattern.flags);
        const plain = new RegExp(pattern.source, pattern.flags);
        ours.lastIndex = plain.lastIndex = start;
        const match = exec(ours, text);
        const expected = plain.exec(text);
        expect(match === null).toBe(expected === null);
        expect(ours.lastIndex).toBe(plain.lastIndex);
        if (!match || !expected) return;
        expect([...match]).toEqual([...expected]);
        expect(match.index).toBe(expected.index);
        match.forEach((group, i) => {
          const place = match.indices?.[i];
          if (group === undefined) expect(place).toBeUndefined();
          else expect(text.slice(place![0], place![1])).toBe(group);
        });
        if (match.groups?.word !== undefined) expect(text.slice(...match.indices!.groups!.word!)).toBe(match.groups.word);
      }),
    );
  });

  it('gives each step parameter its place in the step text', () => {
    const registry = new ParameterTypeRegistry();
    const expression = new CucumberExpression('{string} sends {int} e-mails to {string}', registry);
    const text = '"Jan Kowalski" sends 3 e-mails to "sales@acme.test"';
    const args = expression.match(text)!;
    const at = (part: string) => [text.indexOf(part), text.indexOf(part) + part.length];
    expect(args.map((a) => [a.getValue(null), a.group.start, a.group.end])).toEqual([
      ['Jan Kowalski', ...at('"Jan Kowalski"')],
      [3, ...at('3')],
      ['sales@acme.test', ...at('"sales@acme.test"')],
    ]);
  });
});
