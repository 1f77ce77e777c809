/**
 * What a step file says about one of its step definitions: the line it is really on, the keyword
 * it was defined with and the comment written directly above it.
 *
 * Cucumber reports a definition's line from the running (transpiled) code, which lacks the
 * TypeScript-only lines (type imports); so the definition is found by its expression instead,
 * at or after the reported line.
 */
export interface DefinitionSource {
  readonly line: number;
  readonly keyword: string;
  readonly description?: string;
}

const DEFINING_CALL = /\b(Given|When|Then|defineStep)\s*\(/;

function literalForms(expression: string): string[] {
  return [
    `'${expression.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    `"${expression.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    `\`${expression.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
    `/${expression}/`,
  ];
}

export function findDefinition(source: string, expression: string, reportedLine: number): DefinitionSource | undefined {
  const lines = source.split('\n');
  const forms = literalForms(expression);
  for (let index = Math.max(0, reportedLine - 1); index < lines.length; index++) {
    const text = lines[index]!;
    if (!forms.some((form) => text.includes(form))) continue;
    // The expression may sit on the line after `Given(` when the call is wrapped.
    const call = DEFINING_CALL.exec(text) ?? (index > 0 ? DEFINING_CALL.exec(lines[index - 1]!) : null);
    const callIndex = call && !DEFINING_CALL.test(text) ? index - 1 : index;
    const description = commentAbove(lines, callIndex);
    return { line: index + 1, keyword: call?.[1] ?? 'Step', ...(description && { description }) };
  }
  return undefined;
}

/** The `//` lines or `/** *\/` block directly above a line (no blank line between), as one paragraph. */
export function commentAbove(lines: readonly string[], index: number): string | undefined {
  const collected: string[] = [];
  let cursor = index - 1;
  const first = lines[cursor]?.trim() ?? '';
  if (first.endsWith('*/')) {
    while (cursor >= 0) {
      const text = lines[cursor]!.trim();
      collected.unshift(text.replace(/^\/\*\*?|\*\/$/g, '').replace(/^\*\s?/, '').trim());
      if (text.startsWith('/*')) break;
      cursor--;
    }
  } else {
    while (cursor >= 0 && lines[cursor]!.trim().startsWith('//')) {
      collected.unshift(lines[cursor]!.trim().replace(/^\/\/\s?/, ''));
      cursor--;
    }
  }
  const text = collected.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** A step file's opening comment (after the imports): what the concept of the file is. */
export function fileIntro(source: string): string | undefined {
  const lines = source.split('\n');
  const firstCode = lines.findIndex((line) => DEFINING_CALL.test(line) || /^\s*(export|const|function|class|defineParameterType)\b/.test(line));
  const head = lines.slice(0, firstCode === -1 ? lines.length : firstCode);
  const start = head.findIndex((line) => line.trim().startsWith('//') || line.trim().startsWith('/*'));
  if (start === -1) return undefined;
  let end = start;
  while (end < head.length && head[end]!.trim() !== '' && !/^import\b/.test(head[end]!)) end++;
  return commentAbove(head, end);
}

/**
 * The comment above a parameter type's definition (`defineParameterType({ name: 'x', … })`),
 * which says what it means in a scenario writer's words.
 */
export function parameterTypeComment(source: string, name: string): string | undefined {
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.includes(`name: '${name}'`) || line.includes(`name: "${name}"`));
  if (at === -1) return undefined;
  for (let index = at; index >= 0 && index >= at - 2; index--) {
    if (lines[index]!.includes('defineParameterType(')) return commentAbove(lines, index);
  }
  return undefined;
}
