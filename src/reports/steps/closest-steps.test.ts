import { describe, expect, it } from 'vitest';
import { closestSteps, expressionTokens, textTokens, tokenDistance, type StepExpression } from './closest-steps.ts';

const library: StepExpression[] = [
  '{string} has connected the mailbox {string} to the CRM',
  'the e-mail {string} is saved to the CRM once',
  'the e-mail {string} is saved to the CRM and bound to the lead {string}',
  'the e-mail {string} is not saved to the CRM because {not-saved-reason}',
  'the CRM has {int} lead(s)',
  'the CRM has no leads',
  'it is {word}',
].map((source) => ({ source, type: 'CUCUMBER_EXPRESSION' as const }));

describe('textTokens', () => {
  it('turns quoted text and numbers into slots', () => {
    expect(textTokens('"Anna Nowak" has 3 leads, not \'four\'')).toEqual(['{string}', 'has', '{number}', 'leads', 'not', '{string}']);
  });

  it('keeps hyphenated words whole and reads a time as one number', () => {
    expect(textTokens('the e-mail arrives at 10:30')).toEqual(['the', 'e-mail', 'arrives', 'at', '{number}']);
  });
});

describe('expressionTokens', () => {
  it('drops optional text, keeps alternatives and abstracts parameters', () => {
    expect(expressionTokens({ source: 'the CRM has/holds {int} lead(s) for {string} {word} {reason}', type: 'CUCUMBER_EXPRESSION' })).toEqual([
      { kind: 'words', options: ['the'] },
      { kind: 'words', options: ['crm'] },
      { kind: 'words', options: ['has', 'holds'] },
      { kind: 'slot', name: '{number}' },
      { kind: 'words', options: ['lead'] },
      { kind: 'words', options: ['for'] },
      { kind: 'slot', name: '{string}' },
      { kind: 'one' },
      { kind: 'any' },
    ]);
  });

  it('reads a regular expression as words with its groups as parameters', () => {
    expect(expressionTokens({ source: '^the mailbox (\\S+) is (empty|full)$', type: 'REGULAR_EXPRESSION' }).map((t) => t.kind)).toEqual(['words', 'words', 'any', 'words', 'any']);
  });
});

describe('tokenDistance', () => {
  it('is zero, or a quarter per extra word a parameter takes, for a step the expression matches', () => {
    const expression = expressionTokens(library[3]!);
    expect(tokenDistance(expression, textTokens('the e-mail "Offer" is not saved to the CRM because it is in the spam folder'))).toBe(1.25);
    expect(tokenDistance(expressionTokens(library[0]!), textTokens('"Anna" has connected the mailbox "a@b.test" to the CRM'))).toBe(0);
  });

  it('counts a changed word as one edit', () => {
    expect(tokenDistance(expressionTokens(library[1]!), textTokens('the e-mail "x" is saved to the CRM twice'))).toBe(1);
  });
});

describe('closestSteps', () => {
  it('puts the step that differs by one word first', () => {
    const [first, ...others] = closestSteps('the e-mail "Offer" is saved to the CRM twice', library);
    expect(first).toEqual({ expression: 'the e-mail {string} is saved to the CRM once', similarity: expect.closeTo(0.889, 2) });
    expect(others.map((s) => s.expression)).toEqual([
      'the e-mail {string} is not saved to the CRM because {not-saved-reason}',
      'the e-mail {string} is saved to the CRM and bound to the lead {string}',
    ]);
  });

  it('finds a step written with other words for its parameters', () => {
    expect(closestSteps('the CRM has 2 leads', library, 1)[0]!.expression).toBe('the CRM has {int} lead(s)');
    expect(closestSteps('"Anna Nowak" connected the mailbox "sales@acme.test" to the CRM', library, 1)[0]!.expression).toBe('{string} has connected the mailbox {string} to the CRM');
  });

  it('takes quoted text for a domain parameter ({employee}) and for a quoted literal of the expression', () => {
    const domain = [
      { source: '{employee} clicks "Save to CRM" next to the e-mail {string}', type: 'CUCUMBER_EXPRESSION' as const },
      { source: '{string} replies to the e-mail {string}', type: 'CUCUMBER_EXPRESSION' as const },
      { source: '{employee} completes the e-mail activity {string}', type: 'CUCUMBER_EXPRESSION' as const },
    ];
    expect(closestSteps('"Anna Nowak" presses "Save to CRM" next to the e-mail "Hello"', domain, 1)[0]!.expression).toBe('{employee} clicks "Save to CRM" next to the e-mail {string}');
    expect(closestSteps('"Anna Nowak" clicks "Save to CRM" next to the e-mail "Hello"', domain, 1)[0]!.similarity).toBe(1);
  });

  it('returns at most the limit, most similar first, and nothing for an empty library', () => {
    const suggestions = closestSteps('something else entirely', library);
    expect(suggestions).toHaveLength(3);
    expect(suggestions.map((s) => s.similarity)).toEqual([...suggestions.map((s) => s.similarity)].sort((a, b) => b - a));
    expect(closestSteps('anything', [])).toEqual([]);
  });
});
