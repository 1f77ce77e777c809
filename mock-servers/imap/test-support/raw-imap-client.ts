import { connect, type Socket } from 'node:net';

/**
 * A deliberately dumb IMAP client for protocol tests: it sends exactly the bytes it is given
 * and returns the server's responses as text. A response line that announces a literal `{n}`
 * is kept together with its n octets and the rest of the line, so one entry is one response.
 * Every wait ends on something the server sent (a tagged line, a continuation, the close).
 */
export class RawImapClient {
  private readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private readonly lines: string[] = [];
  private cursor = 0;
  private closed = false;
  private waiter: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.splitResponses();
      this.wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** Connects and returns the client once the greeting has arrived. */
  static async connect(port: number, host = '127.0.0.1'): Promise<{ client: RawImapClient; greeting: string }> {
    const socket = connect({ port, host });
    const client = new RawImapClient(socket);
    const [greeting] = await client.waitFor((line) => line.startsWith('* '));
    return { client, greeting: greeting ?? '' };
  }

  /** Sends `tag command` CRLF and returns every response up to and including the tagged one. */
  async command(line: string): Promise<string[]> {
    const tag = line.slice(0, line.indexOf(' '));
    this.send(`${line}\r\n`);
    return this.waitForTagged(tag);
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  waitForTagged(tag: string): Promise<string[]> {
    return this.waitFor((line) => line.startsWith(`${tag} `));
  }

  /** Responses up to and including a `+` continuation request. */
  waitForContinuation(): Promise<string[]> {
    return this.waitFor((line) => line.startsWith('+'));
  }

  /** Everything up to the first response the predicate accepts; rejects if the server hangs up first. */
  async waitFor(done: (line: string) => boolean): Promise<string[]> {
    for (;;) {
      const index = this.lines.findIndex((line, position) => position >= this.cursor && done(line));
      if (index >= 0) {
        const taken = this.lines.slice(this.cursor, index + 1);
        this.cursor = index + 1;
        return taken;
      }
      if (this.closed) throw new Error(`Connection closed; unread responses: ${JSON.stringify(this.lines.slice(this.cursor))}`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  /** Resolves with any responses still unread once the server has closed the connection. */
  async waitForClose(): Promise<string[]> {
    while (!this.closed) await new Promise<void>((resolve) => (this.waiter = resolve));
    const rest = this.lines.slice(this.cursor);
    this.cursor = this.lines.length;
    return rest;
  }

  /** Drops the connection without a word, as a crashed client would. */
  destroy(): void {
    this.socket.destroy();
  }

  async logout(): Promise<void> {
    if (this.closed) return;
    await this.command('zz LOGOUT');
    await this.waitForClose();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  private splitResponses(): void {
    let start = 0;
    let scan = 0;
    for (;;) {
      const newline = this.buffer.indexOf('\r\n', scan);
      if (newline < 0) break;
      const literal = /\{(\d+)\}$/.exec(this.buffer.subarray(Math.max(start, newline - 12), newline).toString('latin1'));
      if (literal) {
        const end = newline + 2 + Number(literal[1]);
        if (end > this.buffer.length) break;
        scan = end;
        continue;
      }
      this.lines.push(this.buffer.subarray(start, newline).toString('utf8'));
      start = newline + 2;
      scan = start;
    }
    this.buffer = this.buffer.subarray(start);
  }
}
