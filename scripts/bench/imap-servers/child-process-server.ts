/**
 * Starts ours or hoodiecrow in a child process (see serve.ts) and hands back its endpoint. The
 * child lives while its stdin is open; releasing it closes stdin and waits for the exit.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Resources } from '../resources.ts';
import type { ImapTarget } from './imap-target.ts';

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));
const REGISTER_TS = fileURLToPath(new URL('../../register-ts.mjs', import.meta.url));

export interface CorpusSpec {
  readonly count: number;
  readonly seed: number;
  /**
   * What the parent's own corpus weighs; the child's must match, or the servers hold different
   * mail. Without it (the parent holds no copy), the child's corpus is taken as it is.
   */
  readonly totalBytes?: number;
}

export async function startInChildProcess(kind: 'ours' | 'hoodiecrow', corpus: CorpusSpec, resources: Resources): Promise<ImapTarget> {
  const child = spawn(process.execPath, ['--import', REGISTER_TS, SERVE, kind, String(corpus.count), String(corpus.seed)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  // Its stdin closes when we exit anyway; SIGTERM makes it stop at once, releasing what it holds.
  const forget = resources.addLastResort(`kill ${kind} server ${child.pid}`, () => child.kill('SIGTERM'));
  resources.add(`${kind} server process`, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      await exited;
    }
    forget();
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });

  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(() => undefined),
  ]);
  lines.close();
  // Keep reading, so nothing the child prints later can fill the pipe and block it.
  child.stdout.resume();
  if (first === undefined) throw new Error(`The ${kind} server process exited during start-up:\n${errors.trim()}`);
  const started = JSON.parse(first) as ImapTarget & { totalBytes: number };
  if (corpus.totalBytes !== undefined && started.totalBytes !== corpus.totalBytes) {
    throw new Error(`The ${kind} server process built ${started.totalBytes} octets of mail, expected ${corpus.totalBytes}`);
  }
  return { name: started.name, host: started.host, port: started.port, user: started.user, password: started.password, pid: child.pid };
}
