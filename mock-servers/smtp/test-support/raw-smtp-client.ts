import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { plainConnect, secureConnect } from '../../tls/test-support/loopback-connect.ts';

/**
 * A scripted SMTP client for protocol tests: writes raw lines and hands back whole replies,
 * advancing only when a reply's last line (code and a space, RFC 5321 §4.2.1) has arrived.
 * TLS, implicit or after STARTTLS, verifies the server against the shipped test certificate.
 */
export class RawSmtpClient {
  private socket: Socket;
  private buffer = '';
  private readonly replies: string[] = [];
  private waiting: { resolve: (reply: string) => void; reject: (error: Error) => void } | undefined;
  private closedWith: Error | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    this.attach(socket);
  }

  /** Connects and returns the client with the greeting already read. */
  static async open(port: number, options: { implicitTls?: boolean } = {}): Promise<{ client: RawSmtpClient; greeting: string }> {
    const socket = options.implicitTls ? await secureConnect({ port }) : await plainConnect(port);
    const client = new RawSmtpClient(socket);
    return { client, greeting: await client.reply() };
  }

  get encrypted(): boolean {
    return 'encrypted' in this.socket && (this.socket as TLSSocket).encrypted === true;
  }

  /** Writes bytes as they are (the caller adds CRLF) and waits for the next reply. */
  async send(text: string | Buffer): Promise<string> {
    this.socket.write(text);
    return this.reply();
  }

  /** The next whole reply, possibly one that arrived already (pipelining). */
  reply(): Promise<string> {
    const ready = this.replies.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Sends STARTTLS; on 220 runs the handshake over the same socket. Returns the reply. */
  async startTls(): Promise<string> {
    const answer = await this.send('STARTTLS\r\n');
    if (answer.startsWith('220 ')) await this.startTlsAfter220();
    return answer;
  }

  /**
   * The handshake, once the server's 220 to STARTTLS has been read. Anything else the server
   * sent in plaintext by then is a protocol breach (RFC 3207 §4.2) and fails the test.
   */
  async startTlsAfter220(): Promise<void> {
    if (this.buffer !== '' || this.replies.length > 0) throw new Error(`Plaintext after 220: ${[...this.replies, this.buffer].join('')}`);
    this.socket.removeAllListeners('data');
    this.socket = await secureConnect({ socket: this.socket });
    this.attach(this.socket);
  }

  close(): void {
    this.socket.destroy();
  }

  private attach(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  private fail(error: Error): void {
    this.closedWith ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.closedWith);
  }

  private receive(text: string): void {
    this.buffer += text;
    for (;;) {
      const end = /(^|\r\n)\d{3} [^\r\n]*\r\n/.exec(this.buffer);
      if (!end) return;
      const stop = end.index + end[0].length;
      this.replies.push(this.buffer.slice(0, stop));
      this.buffer = this.buffer.slice(stop);
      const waiting = this.waiting;
      if (waiting) {
        this.waiting = undefined;
        waiting.resolve(this.replies.shift() ?? '');
      }
    }
  }
}
