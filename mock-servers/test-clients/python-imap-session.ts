import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';

/** What python-imap-steps.py answers to one request. */
export interface PythonAnswer {
  readonly ok: boolean;
  readonly error?: string;
  readonly type?: string;
  readonly data?: unknown[];
  readonly untagged?: Record<string, unknown[]>;
  readonly [key: string]: unknown;
}

const SCRIPT = join(import.meta.dirname, 'python-imap-steps.py');

/**
 * Python's imaplib as a session a test drives one step at a time: each request is a JSON line
 * on the script's stdin, each answer a JSON line on its stdout. The test awaits the answer, then
 * may look at the server's store, so nothing waits on a timer.
 */
export class PythonImapSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: Array<{ resolve: (answer: PythonAnswer) => void; reject: (error: Error) => void }> = [];
  private stderr = '';
  private exited: Error | undefined;

  private constructor(child: ChildProcessWithoutNullStreams) {
    this.child = child;
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.lines = createInterface({ input: child.stdout });
    this.lines.on('line', (line) => this.pending.shift()?.resolve(JSON.parse(line) as PythonAnswer));
    child.on('error', (error: NodeJS.ErrnoException) =>
      this.fail(error.code === 'ENOENT' ? new Error('python3 is not installed (or PYTHON names no interpreter); this test needs it (see README, "Outside mail clients")') : error),
    );
    child.on('close', (code) => this.fail(new Error(`python3 exited with ${code}: ${this.stderr}`)));
  }

  /**
   * Starts the script; it connects and logs in before reading its first request. `PYTHON` picks
   * another interpreter (say python3.14, whose imaplib has IDLE of its own).
   */
  static open(host: string, port: number, user: string, password: string): PythonImapSession {
    return new PythonImapSession(spawn(process.env['PYTHON'] || 'python3', [SCRIPT, host, String(port), user, password]));
  }

  /** imap.<method>(...args), with `literal` sent after the arguments as imaplib does. */
  call(method: string, args: ReadonlyArray<string | null>, literal?: string): Promise<PythonAnswer> {
    return this.request({ op: 'call', method, args, ...(literal === undefined ? {} : { literal }) });
  }

  /** Like call, but a NO, BAD or client error fails the test with what imaplib said. */
  async ok(method: string, args: ReadonlyArray<string | null>, literal?: string): Promise<PythonAnswer> {
    const answer = await this.call(method, args, literal);
    if (!answer.ok || answer.type !== 'OK') throw new Error(`imaplib ${method}(${args.join(', ')}) failed: ${answer.error ?? JSON.stringify(answer.data)}`);
    return answer;
  }

  request(body: Record<string, unknown>): Promise<PythonAnswer> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${JSON.stringify(body)}\n`);
    });
  }

  /** Logs out and waits for the script to end. */
  async close(): Promise<void> {
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    await this.request({ op: 'logout' });
    this.child.stdin.end();
    await ended;
  }

  /** Ends the script at once (a test that failed half-way). */
  kill(): void {
    if (!this.exited) this.child.kill();
  }

  private fail(error: Error): void {
    this.exited ??= error;
    for (const waiter of this.pending.splice(0)) waiter.reject(error);
  }
}
