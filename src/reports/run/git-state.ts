import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** What git says of the working tree: its commit (with a digest of what is not committed) and branch. */
export interface GitState {
  /** HEAD, or `<HEAD>+<digest>` when the tree has changes or files git does not track. */
  readonly commit: string;
  /** The current branch; none on a detached HEAD. */
  readonly branch?: string;
}

// Starting a process from a Node process of this size costs the main thread some 10 to 15 ms
// each, so git is asked as little as it can be: one rev-parse for HEAD, the top folder and the
// branch, one status for tracked changes and untracked files, and the diff only when the tree has
// changes.
const run = (cwd: string, ...args: string[]) => promisify(execFile)('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => stdout);

/** Undefined outside a git working tree, or when git is missing. */
export async function gitState(cwd: string): Promise<GitState | undefined> {
  try {
    const [revParse, status] = await Promise.all([
      run(cwd, 'rev-parse', 'HEAD', '--show-toplevel', '--abbrev-ref', 'HEAD'),
      run(cwd, 'status', '--porcelain=v1', '-z', '--untracked-files=all'),
    ]);
    const [head = '', top = '', branchName = ''] = revParse.split('\n').map((line) => line.trim());
    if (!/^[0-9a-f]{40,64}$/.test(head)) return undefined;
    const branch = branchName && branchName !== 'HEAD' ? { branch: branchName } : {};
    if (status === '') return { commit: head, ...branch };
    // Entries are `XY path`, NUL-terminated (a rename adds its old path as an entry of its own);
    // `??` marks a file git does not track. Paths are from the top folder.
    const untracked = status.split('\0').filter((entry) => entry.startsWith('?? ')).map((entry) => entry.slice(3)).sort();
    const digest = createHash('sha256').update(await run(cwd, 'diff', 'HEAD', '--binary'));
    for (const file of untracked) digest.update(`\0${file}\0`).update(await readFile(join(top, file)).catch(() => Buffer.alloc(0)));
    return { commit: `${head}+${digest.digest('hex').slice(0, 12)}`, ...branch };
  } catch {
    return undefined;
  }
}
