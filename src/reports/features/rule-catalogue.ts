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
