import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ownCpuMs, processTreeCpuMs } from './cpu-time.ts';

const linux = process.platform === 'linux';

describe('CPU time', () => {
  it('counts the CPU this process uses', () => {
    const before = ownCpuMs();
    let x = 0;
    for (let i = 0; i < 2e7; i++) x += i % 7;
    expect(x).toBeGreaterThan(0);
    expect(ownCpuMs()).toBeGreaterThan(before);
  });

  it.runIf(linux)('reads a process tree from /proc, children included', async () => {
    // A shell whose child (node: tens of milliseconds of CPU just to start) says it is up, then
    // waits for its stdin to close; the shell itself uses about a millisecond.
    const busy = 'console.log(1); process.stdin.resume()';
    const shell = spawn('sh', ['-c', `node -e '${busy}'; echo done`], { stdio: ['pipe', 'pipe', 'ignore'] });
    await once(shell.stdout, 'data');
    const reading = processTreeCpuMs(shell.pid!);
    shell.stdin.end();
    await once(shell, 'exit');
    expect(reading).toBeGreaterThan(15);
  });

  it('has no reading for a process that does not exist', () => {
    expect(processTreeCpuMs(2 ** 22 + 12345)).toBeUndefined();
  });
});
