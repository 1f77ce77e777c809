import { posix } from 'node:path';

/**
 * docs/steps.md holds the catalogue's introduction and nothing else: step descriptions are the
 * comments above the definitions, so there is one catalogue (features/STEPS.md). The introduction
 * is what follows the marker (or the title, without one) up to the first `## ` heading; its
 * relative links are rewritten for features/, where the catalogue is.
 */
export interface StepDocs {
  readonly intro: string;
}

export const INTRO_MARKER = '<!-- The catalogue\'s introduction starts here. -->';

export function readStepDocs(markdown: string, from = 'docs', to = 'features'): StepDocs {
  const lines = markdown.split('\n');
  const marker = lines.findIndex((line) => line.trim() === INTRO_MARKER);
  const start = marker === -1 ? 0 : marker + 1;
  const end = lines.findIndex((line, i) => i >= start && line.startsWith('## '));
  const intro = lines
    .slice(start, end === -1 ? lines.length : end)
    .filter((line) => !line.startsWith('# '))
    .join('\n')
    .trim();
  return { intro: rebaseLinks(intro, from, to) };
}

/** `[text](faq-rules.md)` written in `from`/ as it reads from `to`/: `[text](../docs/faq-rules.md)`. */
export function rebaseLinks(markdown: string, from: string, to: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
    if (/^[a-z]+:|^#|^\//i.test(target)) return whole;
    return `](${posix.relative(to, posix.join(from, target)) || '.'})`;
  });
}

/** Step expressions the page describes in a table row (`| \`expression\` | … |`), which belong above their definitions. */
export function stepRowsIn(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const row = /^\|\s*`((?:[^`]|``)+)`\s*\|/.exec(line);
    return row ? [row[1]!] : [];
  });
}
