/**
 * The rule ids of the project's rule catalogue (docs/faq-rules.md): each rule opens with its id
 * in bold, "- **R1.3** …" or "- **R2.1 Known client …**". Tags of feature files name rules by these ids (`@R1.3`).
 */
export function ruleIdsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^- \*\*(R\d+\.\d+)\b/gm)].map((match) => match[1]!);
}

/** The rule tags among a scenario's tags, as rule ids: `@R1.3` → `R1.3`. */
export function ruleTags(tags: readonly string[]): string[] {
  return tags.filter((tag) => /^@R\d+\.\d+$/.test(tag)).map((tag) => tag.slice(1));
}

/**
 * Each rule's text, by id, for the FAQ page: the rule's lines up to the next rule or heading,
 * joined, without the bold id and Markdown emphasis.
 */
export function rulesOf(markdown: string): Map<string, string> {
  const rules = new Map<string, string>();
  let current: { id: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) rules.set(current.id, current.lines.join(' ').replace(/\s+/g, ' ').replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/`([^`]+)`/g, '$1').trim());
    current = undefined;
  };
  for (const line of markdown.split('\n')) {
    const start = /^- \*\*(R\d+\.\d+)\b([^*]*)\*\*\s*(.*)$/.exec(line);
    if (start) {
      flush();
      current = { id: start[1]!, lines: [`${start[2]!.trim()} ${start[3]!}`] };
    } else if (current && /^\s{2,}\S/.test(line)) current.lines.push(line.trim());
    else flush();
  }
  flush();
  return rules;
}
