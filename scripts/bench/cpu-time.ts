/**
 * CPU time, a steadier measure than wall time on a busy machine: a server waiting for the CPU
 * while other processes run is slower by the clock but has not done more work.
 *
 * For a server in another process (Dovecot, or ours in a child process) it is read from Linux's
 * /proc: each thread's schedstat (nanoseconds on the CPU), summed over the process and all its
 * descendants, since Dovecot serves each connection from a child of its master. Elsewhere there is
 * no reading and the benchmark shows wall-time ratios only.
 */
import { readdirSync, readFileSync } from 'node:fs';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function threadsOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** Milliseconds of CPU used so far by `pid` and its descendants, or undefined if /proc cannot say. */
export function processTreeCpuMs(pid: number): number | undefined {
  if (threadsOf(pid).length === 0) return undefined;
  let nanoseconds = 0;
  const pending = [pid];
  const visited = new Set<number>();
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (visited.has(current)) continue;
    visited.add(current);
    for (const tid of threadsOf(current)) {
      const runTime = Number(readText(`/proc/${current}/task/${tid}/schedstat`)?.split(' ')[0]);
      if (Number.isFinite(runTime)) nanoseconds += runTime;
      for (const child of (readText(`/proc/${current}/task/${tid}/children`) ?? '').split(' ').filter(Boolean)) pending.push(Number(child));
    }
  }
  return nanoseconds / 1e6;
}

/** Milliseconds of CPU used so far by this process, all threads (client and in-process servers). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
