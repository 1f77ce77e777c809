/**
 * Which defined steps an undefined step was probably meant to be: its text and every step
 * expression become word tokens with the parameters abstracted ("Anna" in quotes, {string} and a
 * quoted literal of an expression such as "Save to CRM" all become one {string} token), and steps
 * are ranked by a word-level edit distance.
 */

export interface StepExpression {
  /** The expression as written, e.g. `the CRM has {int} lead(s)`. */
  readonly source: string;
  readonly type: 'CUCUMBER_EXPRESSION' | 'REGULAR_EXPRESSION';
}

export interface Suggestion {
  readonly expression: string;
  /** 1 is the same sentence, 0 nothing in common. */
  readonly similarity: number;
}

/** A token of an expression: literal words (with alternatives), a typed slot, or any words. */
type ExpressionToken =
  | { kind: 'words'; options: readonly string[] }
  | { kind: 'slot'; name: string }
  /** {word}: any one word. */
  | { kind: 'one' }
  /** {} and the project's own parameter types: any words, as many as their pattern allows. */
  | { kind: 'any' };

const SLOT_OF_TEXT = [
  [/"[^"]*"|'[^']*'/g, ' {string} '],
  [/(?<![\w-])-?\d+(?::\d+)*(?:\.\d+)?(?![\w-])/g, ' {number} '],
] as const;

/** The words of a step as written in a feature, with quoted text and numbers as slots. */
export function textTokens(text: string): string[] {
  let abstracted = text;
  for (const [pattern, slot] of SLOT_OF_TEXT) abstracted = abstracted.replace(pattern, slot);
  return words(abstracted);
}

/** The words of a step expression; {string}, {int}/{float} are typed slots, other parameters match any words. */
export function expressionTokens({ source, type }: StepExpression): ExpressionToken[] {
  const text = type === 'REGULAR_EXPRESSION'
    ? source.replace(/^\^|\$$/g, '').replace(/\((?:[^()\\]|\\.)*\)[?*+]?/g, ' {} ').replace(/\\(.)/g, '$1')
    : source.replace(/(?<!\\)\((?:[^()\\]|\\.)*\)/g, '').replace(/\\(.)/g, '$1').replace(/"[^"{}]*"/g, ' {string} ');
  return text.split(/\s+/).filter(Boolean).flatMap((raw): ExpressionToken[] => {
    const parameter = /^\{([^}]*)\}$/.exec(raw);
    if (parameter) {
      const name = parameter[1]!;
      if (name === 'string') return [{ kind: 'slot', name: '{string}' }];
      if (name === 'int' || name === 'float' || name === 'bigdecimal' || name === 'double') return [{ kind: 'slot', name: '{number}' }];
      if (name === 'word') return [{ kind: 'one' }];
      return [{ kind: 'any' }];
    }
    const options = raw.split('/').flatMap(words);
    return options.length ? [{ kind: 'words', options }] : [];
  });
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[\s,.;:!?]+/).filter(Boolean);
}

/** Extra words swallowed by a parameter that matches any words cost a little, not a whole edit. */
const EXTRA_WORD_IN_ANY = 0.25;

function cost(expected: ExpressionToken, actual: string): number {
  // The project's parameter types for the domain's words ({employee}, {mailbox}, {crm-setting} …)
  // are mostly written in quotes, so quoted text fits them as well as it fits {string}.
  if (expected.kind === 'any') return 0;
  if (expected.kind === 'one') return actual === '{string}' ? 0.5 : 0;
  if (expected.kind === 'slot') return expected.name === actual ? 0 : 1;
  return expected.options.includes(actual) ? 0 : 1;
}

/** Word-level edit distance, where a parameter matching any words may take several. */
export function tokenDistance(expression: readonly ExpressionToken[], text: readonly string[]): number {
  let previous = text.map((_, j) => j + 1);
  previous.unshift(0);
  for (let i = 1; i <= expression.length; i++) {
    const token = expression[i - 1]!;
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      const substitute = previous[j - 1]! + cost(token, text[j - 1]!);
      const drop = previous[j]! + 1;
      const insert = row[j - 1]! + (token.kind === 'any' && j > 1 && cost(token, text[j - 1]!) === 0 ? EXTRA_WORD_IN_ANY : 1);
      row.push(Math.min(substitute, drop, insert));
    }
    previous = row;
  }
  return previous[text.length]!;
}

/** The `limit` expressions closest to the step text, most similar first (ties in expression order). */
export function closestSteps(text: string, expressions: readonly StepExpression[], limit = 3): Suggestion[] {
  const tokens = textTokens(text);
  return expressions
    .map((expression) => {
      const expected = expressionTokens(expression);
      const longest = Math.max(expected.length, tokens.length, 1);
      return { expression: expression.source, similarity: Math.max(0, 1 - tokenDistance(expected, tokens) / longest) };
    })
    .sort((a, b) => b.similarity - a.similarity || a.expression.localeCompare(b.expression))
    .slice(0, limit);
}
