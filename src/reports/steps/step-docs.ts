/**
 * The hand-written step page (docs/steps.md): an introduction, then tables whose first column is a
 * step expression in backticks and whose second says what the step does. A description written as
 * a comment above the definition wins over the page; the page keeps the longer explanations.
 */
export interface StepDocs {
  /** Everything before the first `## ` heading, without the page title. */
  readonly intro: string;
  readonly descriptions: ReadonlyMap<string, string>;
}

export function readStepDocs(markdown: string): StepDocs {
  const lines = markdown.split('\n');
  const firstSection = lines.findIndex((line) => line.startsWith('## '));
  const intro = lines
    .slice(0, firstSection === -1 ? lines.length : firstSection)
    .filter((line) => !line.startsWith('# '))
    .join('\n')
    .trim();
  const descriptions = new Map<string, string>();
  for (const line of lines) {
    const row = /^\|\s*`((?:[^`]|``)+)`\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (row && !descriptions.has(row[1]!)) descriptions.set(row[1]!, row[2]!);
  }
  return { intro, descriptions };
}
