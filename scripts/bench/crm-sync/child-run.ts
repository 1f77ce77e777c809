/**
 * A process of its own for one timed run, so that its CPU time and memory are its work's alone:
 * started and set up before the timing (it prints `ready`), told to go inside it (a line `go` on
 * its stdin), and read from one line it prints when done. Used for the CRM's process
 * (crm-process.ts) and for mailparser alone on the same messages (parser-process.ts).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Resources } from '../resources.ts';

const REGISTER_TS = fileURLToPath(new URL('../../register-ts.mjs', import.meta.url));

export class ChildRun<Report> {
  private readonly report: Promise<Report>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly ready: Promise<void>;
  private readonly forget: () => void;

  /** `read` turns the report line into the report, throwing when it does not add up. */
  constructor(what: string, script: string, args: readonly string[], resources: Resources, read: (line: string) => Report) {
    this.child = spawn(process.execPath, ['--import', REGISTER_TS, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const child = this.child;
    this.forget = resources.addLastResort(`kill ${what} ${child.pid}`, () => child.kill('SIGKILL'));
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString('utf8')).slice(-4000);
    });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`${what} exited (${String(code)}) before it reported:\n${errors.trim()}`);
    });
    exited.catch(() => undefined);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async (): Promise<string> => {
      const line = await Promise.race([lines.next(), exited]);
      if (line.done) return exited;
      return String(line.value);
    };
    this.ready = next().then((line) => {
      if (line !== 'ready') throw new Error(`${what} said "${line}" instead of "ready"`);
    });
    this.report = this.ready.then(async () => read(await next()));
    this.report.catch(() => undefined);
  }

  async started(): Promise<void> {
    await this.ready;
  }

  async run(): Promise<Report> {
    this.child.stdin.write('go\n');
    return this.report;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGKILL');
      await exited;
    }
    this.forget();
  }
}

/** In the child: says `ready`, waits for `go` on stdin, and refuses anything else. */
export async function readyThenGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  const [command] = (await once(lines, 'line')) as [string];
  lines.close();
  if (command !== 'go') throw new Error(`Expected "go", got "${command}"`);
}
