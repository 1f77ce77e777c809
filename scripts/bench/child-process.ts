/**
 * A server of the load and memory benchmarks in a child process, so that its memory is measured
 * apart from the clients': started as the npm scripts start TypeScript, read line by line, its
 * resident size read from /proc while it runs (Linux; elsewhere the figures are missing).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Resources } from './resources.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ChildServer {
  readonly child: ChildProcessWithoutNullStreams;
  /** The next line of standard output that the predicate accepts. */
  nextLine(accept: (line: string) => boolean): Promise<string>;
  /** Resident set size now, in bytes; undefined where /proc cannot tell. */
  rss(): number | undefined;
  /** Samples the resident size every few milliseconds until stopped; returns the highest seen. */
  samplePeak(): { stop(): number | undefined };
}

export function startChild(name: string, script: string, args: readonly string[], nodeFlags: readonly string[], resources: Resources): ChildServer {
  const child = spawn(process.execPath, [...nodeFlags, '--import', './scripts/register-ts.mjs', script, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const dropLastResort = resources.addLastResort(name, () => child.kill('SIGKILL'));
  resources.add(name, async () => {
    dropLastResort();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  });
  const lines: string[] = [];
  const waiting: Array<() => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiting.splice(0)) wake();
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
    for (const wake of waiting.splice(0)) wake();
  });
  const rss = () => residentBytes(child.pid);
  return {
    child,
    async nextLine(accept) {
      for (;;) {
        const at = lines.findIndex(accept);
        if (at >= 0) return lines.splice(0, at + 1).at(-1) ?? '';
        if (exited) throw new Error(`${name} exited before answering; its last words: ${stderr.trim() || '(none)'}`);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    rss,
    samplePeak() {
      let peak = rss();
      const timer = setInterval(() => {
        const now = rss();
        if (now !== undefined && (peak === undefined || now > peak)) peak = now;
      }, 10);
      return {
        stop() {
          clearInterval(timer);
          const last = rss();
          return last !== undefined && (peak === undefined || last > peak) ? last : peak;
        },
      };
    },
  };
}

function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}
