import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Runs an outside mail client (python3, curl) and returns what it printed. A missing program
 * fails with how to get it; a failed run carries the program's stderr and its exit code.
 */
export async function runTool(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(command, args, { timeout: 10_000 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${command} is not installed; this test needs it (see README, "Outside mail clients")`);
    throw Object.assign(new Error(`${command} failed: ${e.stderr || e.message}`), { exitCode: e.code });
  }
}
