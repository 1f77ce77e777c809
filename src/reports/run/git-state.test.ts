import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOrigin } from './run-details.ts';
import { gitState } from './git-state.ts';

const made: string[] = [];
afterEach(async () => {
  for (const folder of made.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function repository(): Promise<{ folder: string; git: (...args: string[]) => Promise<string> }> {
  const folder = await mkdtemp(join(tmpdir(), 'git-state-'));
  made.push(folder);
  const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.test', ...args], { cwd: folder }).then(({ stdout }) => stdout.trim());
  await git('init', '-q', '-b', 'feature/q7');
  await writeFile(join(folder, 'a.txt'), 'one\n');
  await git('add', 'a.txt');
  await git('commit', '-q', '-m', 'first');
  return { folder, git };
}

describe('what git says of the code under test', () => {
  it('names the commit and the branch of a clean tree', async () => {
    const { folder, git } = await repository();
    expect(await gitState(folder)).toEqual({ commit: await git('rev-parse', 'HEAD'), branch: 'feature/q7' });
  });

  it('names no branch on a detached HEAD, and nothing outside a repository', async () => {
    const { folder, git } = await repository();
    await git('checkout', '-q', '--detach');
    expect(await gitState(folder)).toEqual({ commit: await git('rev-parse', 'HEAD') });
    const outside = await mkdtemp(join(tmpdir(), 'git-state-none-'));
    made.push(outside);
    expect(await gitState(outside)).toBeUndefined();
  });

  it('adds a digest that changes with tracked edits and with the content of untracked files in subfolders', async () => {
    const { folder, git } = await repository();
    const head = await git('rev-parse', 'HEAD');
    await writeFile(join(folder, 'a.txt'), 'two\n');
    const edited = (await gitState(folder))!.commit;
    expect(edited).toMatch(new RegExp(`^${head}\\+[0-9a-f]{12}$`));
    await mkdir(join(folder, 'features', 'crm'), { recursive: true });
    await writeFile(join(folder, 'features', 'crm', 'new.feature'), 'Feature: one\n');
    const withNew = (await gitState(folder))!.commit;
    expect(withNew).not.toBe(edited);
    await writeFile(join(folder, 'features', 'crm', 'new.feature'), 'Feature: two\n');
    expect((await gitState(folder))!.commit).not.toBe(withNew);
    // Run from a subfolder: the same tree, the same answer.
    expect((await gitState(join(folder, 'features')))!.commit).toBe((await gitState(folder))!.commit);
  });

  it('takes CI variables first and asks git only for what they leave out', async () => {
    const { folder, git } = await repository();
    expect(await codeOrigin(folder, { GITHUB_SHA: 'feedbeef', GITHUB_REF_NAME: 'main' })).toEqual({ commit: 'feedbeef', branch: 'main' });
    expect(await codeOrigin(folder, { GITHUB_SHA: 'feedbeef' })).toEqual({ commit: 'feedbeef', branch: 'feature/q7' });
    expect(await codeOrigin(folder, { CI_COMMIT_REF_NAME: 'release' })).toEqual({ commit: await git('rev-parse', 'HEAD'), branch: 'release' });
  });
});
