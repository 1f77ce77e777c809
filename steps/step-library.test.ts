import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;

/** Every Given/When/Then expression written in the step files. */
function definedSteps(): string[] {
  return readdirSync(here)
    .filter((file) => file.endsWith('.steps.ts'))
    .flatMap((file) => [...readFileSync(join(here, file), 'utf8').matchAll(/\b(?:Given|When|Then)\(\s*'((?:[^'\\]|\\.)+)'/g)])
    .map((match) => match[1]!.replace(/\\'/g, "'"));
}

describe('the step library page', () => {
  const page = readFileSync(join(here, '..', 'docs', 'steps.md'), 'utf8');
  const steps = definedSteps();

  it('finds the step definitions', () => {
    expect(steps.length).toBeGreaterThan(10);
  });

  it.each(steps)('documents `%s`', (expression) => {
    expect(page).toContain(`\`${expression}\``);
  });
});
