import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { plainConnect, secureConnect } from '../../tls/test-support/loopback-connect.ts';

/**
 * A line-based IMAP client for the TLS tests: plain, implicit TLS, or plain then STARTTLS on the
 * same socket. It verifies the server against the shipped certificate. Responses with literals
 * are not needed here, so a response is one line. Every wait ends on something the server sent.
 */
export class TlsImapClient {
  private socket: Socket;
  private text = '';
  private readonly lines: string[] = [];
  private closed = false;
  private waiter: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    this.attach(socket);
  }

  static async open(port: number, options: { implicitTls?: boolean } = {}): Promise<{ client: TlsImapClient; greeting: string }> {
    const socket = options.implicitTls ? await secureConnect({ port }) : await plainConnect(port);
    const client = new TlsImapClient(socket);
    const [greeting] = await client.waitFor((line) => line.startsWith('* '));
    return { client, greeting: greeting ?? '' };
  }

  get encrypted(): boolean {
    return (this.socket as TLSSocket).encrypted === true;
  }

  /** Sends one line (CRLF added) and returns the responses up to the tagged one. */
  command(line: string): Promise<string[]> {
    return this.raw(`${line}\r\n`, line.slice(0, line.indexOf(' ')));
  }

  /** Writes bytes as they are and returns the responses up to the line tagged `tag`. */
  raw(bytes: string, tag: string): Promise<string[]> {
    this.socket.write(bytes);
    return this.waitFor((line) => line.startsWith(`${tag} `));
  }

  /**
   * After the tagged OK to STARTTLS has been read: the handshake on the same socket. Any other
   * plaintext the server sent by then is a protocol breach and fails the test.
   */
  async upgrade(): Promise<void> {
    if (this.text !== '' || this.lines.length > 0) throw new Error(`Plaintext after the STARTTLS OK: ${JSON.stringify([...this.lines, this.text])}`);
    this.socket.removeAllListeners('data');
    this.socket = await secureConnect({ socket: this.socket });
    this.attach(this.socket);
  }

  /** Resolves once the server has closed the connection. */
  async waitForClose(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => (this.waiter = resolve));
  }

  close(): void {
    this.socket.destroy();
  }

  private async waitFor(done: (line: string) => boolean): Promise<string[]> {
    for (;;) {
      const index = this.lines.findIndex(done);
      if (index >= 0) return this.lines.splice(0, index + 1);
      if (this.closed) throw new Error(`Connection closed; unread responses: ${JSON.stringify(this.lines)}`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private attach(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      const parts = this.text.split('\r\n');
      this.text = parts.pop() ?? '';
      this.lines.push(...parts);
      this.wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}
