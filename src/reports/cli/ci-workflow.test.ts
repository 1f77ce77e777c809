import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** The workflow as the README shows it: the YAML block that opens with its path as a comment. */
function readmeWorkflow(readme: string, path: string): string | undefined {
  const start = readme.indexOf(`\`\`\`yaml\n# ${path}\n`);
  if (start === -1) return undefined;
  const body = readme.slice(start + `\`\`\`yaml\n# ${path}\n`.length);
  return body.slice(0, body.indexOf('```'));
}

describe('the CI workflow', () => {
  it('is committed under .github/workflows/ exactly as the README shows it', () => {
    const path = '.github/workflows/features.yml';
    const shown = readmeWorkflow(readFileSync(join(root, 'README.md'), 'utf8'), path);
    expect(shown, `README.md has a yaml block that opens with "# ${path}"`).toBeDefined();
    expect(readFileSync(join(root, path), 'utf8')).toBe(shown);
  });

  it('merges every shard, checks the set, and keeps the reports even when the check fails', () => {
    const workflow = readFileSync(join(root, '.github/workflows/features.yml'), 'utf8');
    expect(workflow).toMatch(/npm run ci -- --shard \$\{\{ matrix\.shard \}\}\/3/);
    expect(workflow).toContain('npm run report -- shards/*/messages.ndjson');
    expect(workflow).toMatch(/if: always\(\)\n\s+with: \{ name: reports, path: reports\/ \}/);
  });
});
