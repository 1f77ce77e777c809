import type { ParameterType, StepDefinitionPattern } from '@cucumber/messages';

export interface ParameterTypeEntry {
  /** As written in an expression: `{string}`. */
  readonly name: string;
  readonly accepts: string;
  /** What it stands for, from the comment above its definition. */
  readonly means?: string;
  /** Where the project defines it; absent for Cucumber's own types. */
  readonly definedIn?: string;
}

/** Cucumber's own parameter types, in the words a scenario writer needs. */
const BUILT_IN: Readonly<Record<string, string>> = {
  '{string}': 'text in double quotes, `"Anna Nowak"` (single quotes work too); the quotes are not part of the value',
  '{int}': 'a whole number, `3` or `-1`',
  '{float}': 'a number with a decimal point, `2.5`',
  '{word}': 'one word without spaces, `10:30`, `INBOX`',
  '{}': 'anything',
  '{bigdecimal}': 'a decimal number',
  '{double}': 'a number',
  '{biginteger}': 'a whole number',
  '{byte}': 'a small whole number',
  '{short}': 'a whole number',
  '{long}': 'a whole number',
};

/** The parameters of a step expression, in order: `{string}`, `{not-saved-reason}`, or a regular expression's groups. */
export function parametersOf(pattern: StepDefinitionPattern): string[] {
  if (pattern.type === 'REGULAR_EXPRESSION') {
    return [...pattern.source.matchAll(/(?<!\\)\((?!\?:)/g)].map((_, i) => `group ${i + 1}`);
  }
  return [...pattern.source.matchAll(/(?<!\\)\{([^}]*)\}/g)].map((m) => `{${m[1]}}`);
}

/** A pattern that is a list of words (`a|b|c`) is shown as that list; anything else as the pattern. */
function acceptedWords(regularExpressions: readonly string[]): string {
  // "(a|b)": words in quotes, as {access-level} takes them.
  const quoted = regularExpressions.every((re) => /^"\((?:[^()]|\\.)*\)"$/.test(re));
  const alternatives = regularExpressions.flatMap((re) => (quoted ? re.slice(2, -2) : re).split('|'));
  const plain = alternatives.every((a) => /^[\p{L}\p{N} '’.,-]+$/u.test(a.replace(/\\(.)/g, '$1')));
  return plain
    ? `one of: ${alternatives.map((a) => `\`${quoted ? '"' : ''}${a.replace(/\\(.)/g, '$1')}${quoted ? '"' : ''}\``).join(', ')}`
    : `text matching \`${regularExpressions.join('` or `')}\``;
}

/** The built-in types the steps use and every type the project defines, built-in first, then by name. */
export function describeParameterTypes(
  custom: readonly ParameterType[],
  used: ReadonlySet<string>,
  meaning: (name: string, uri: string | undefined) => string | undefined = () => undefined,
): ParameterTypeEntry[] {
  const builtIn = Object.entries(BUILT_IN)
    .filter(([name]) => used.has(name))
    .map(([name, accepts]) => ({ name, accepts }));
  const own = [...custom]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((type): ParameterTypeEntry => {
      const means = meaning(type.name, type.sourceReference?.uri);
      return {
        name: `{${type.name}}`,
        accepts: acceptedWords(type.regularExpressions),
        ...(means && { means }),
        ...(type.sourceReference?.uri && { definedIn: type.sourceReference.uri }),
      };
    });
  return [...builtIn, ...own];
}
