import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import type { MailStore } from '../store/index.ts';
import { Dispatcher, type Reply } from './dispatcher.ts';
import { CommandFramer, type FrameEvent, type FramingLimits } from './protocol/framing.ts';
import { continuationLine } from './protocol/writer.ts';
import { serverLines, type TranscriptListener } from './transcript.ts';
import { transportSecurity, type TransportSecurity } from './transport-security.ts';

export interface ConnectionOptions {
  readonly id: number;
  readonly store: MailStore;
  readonly limits: FramingLimits & { readonly maxBadCommands: number };
  readonly onLine: TranscriptListener | undefined;
  readonly onInternalError: (error: unknown) => void;
  readonly onClose: () => void;
  /** STARTTLS is offered with this context; `requireTls` refuses plaintext login (LOGINDISABLED). */
  readonly tls?: { readonly context: SecureContext; readonly requireTls: boolean };
  /** The socket is TLS from the first byte (an implicit-TLS listener, like port 993). */
  readonly encrypted?: boolean;
}

/**
 * One client socket: bytes in through the framer, commands through the dispatcher, responses
 * out. Commands run one at a time in arrival order. When the client stops reading, reading
 * from it pauses too, so a pipelining client cannot make the server buffer without bound.
 * Nothing a client does may throw out of here: socket errors end only this connection.
 */
export class ImapConnection {
  readonly id: number;
  private socket: Socket;
  private readonly options: ConnectionOptions;
  private framer: CommandFramer;
  private encrypted: boolean;
  private readonly dispatcher: Dispatcher;
  private readonly unsubscribe: () => void;
  private closing = false;
  private blocked = false;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.id = options.id;
    this.socket = socket;
    this.options = options;
    this.framer = new CommandFramer(options.limits);
    this.encrypted = options.encrypted ?? false;
    this.dispatcher = new Dispatcher({
      store: options.store,
      maxBadCommands: options.limits.maxBadCommands,
      onInternalError: options.onInternalError,
      security: () => this.security,
    });
    this.unsubscribe = options.store.onChange((event) => this.guard(() => this.deliver(this.dispatcher.storeChanged(event))));
    socket.setNoDelay(true);
    this.listen(socket);
    socket.on('close', () => {
      this.closing = true;
      this.unsubscribe();
      options.onClose();
    });
    this.write(this.dispatcher.greeting());
  }

  get security(): TransportSecurity {
    return transportSecurity(this.options.tls !== undefined, this.options.tls?.requireTls ?? false, this.encrypted);
  }

  /** Ends the connection at once (server shutdown). */
  destroy(): void {
    this.closing = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.closing) return;
    this.framer.push(chunk);
    this.pump();
  }

  private resume(): void {
    this.blocked = false;
    this.pump();
    if (!this.blocked && !this.closing) this.socket.resume();
  }

  private pump(): void {
    while (!this.closing && !this.blocked) {
      const event = this.framer.next();
      if (!event) return;
      this.handle(event);
    }
  }

  private handle(event: FrameEvent): void {
    switch (event.type) {
      case 'continue': {
        const refusal = this.dispatcher.refuseLiteral(event.firstLine);
        if (!refusal) {
          this.write(continuationLine('Ready for literal data'));
          return;
        }
        this.framer.abandonCommand();
        this.deliver(refusal);
        return;
      }
      case 'command':
        this.deliver(this.dispatcher.command(event.bytes));
        return;
      case 'line':
        this.deliver(this.dispatcher.line(event.text));
        return;
      case 'rejected':
        this.deliver(this.dispatcher.rejected(event.tag, event.reason));
        return;
    }
  }

  private deliver(reply: Reply): void {
    for (const line of reply.clientLines) this.log('client', line);
    this.announce(reply.output);
    if (this.dispatcher.awaitingLine) this.framer.expectRawLine();
    if (reply.close) {
      this.closing = true;
      this.socket.end();
    }
    if (reply.startTls) this.startTls();
  }

  private listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => this.guard(() => this.receive(chunk)));
    socket.on('drain', () => this.guard(() => this.resume()));
    // A reset, a failed handshake or a write to a vanished client: nothing to tell, just let
    // this connection go.
    socket.on('error', () => this.socket.destroy());
  }

  /**
   * STARTTLS was answered OK: from here on only TLS records are read. Whatever plaintext the
   * client sent after the command is thrown away with the old framer, never run inside the TLS
   * session (RFC 2595 §3.1; CVE-2011-0411). The OK is already queued on the raw socket ahead
   * of the handshake.
   */
  private startTls(): void {
    const context = this.options.tls?.context;
    if (!context) throw new Error('STARTTLS answered OK on a connection without TLS');
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('drain');
    this.framer = new CommandFramer(this.options.limits);
    this.encrypted = true;
    // Reading was paused if the client had stopped reading; the TLS layer must read again.
    if (this.blocked) plain.resume();
    this.blocked = false;
    const secure = new TLSSocket(plain, { isServer: true, secureContext: context });
    this.socket = secure;
    this.listen(secure);
  }

  private announce(output: readonly Buffer[]): void {
    for (const chunk of output) this.write(chunk);
  }

  private write(bytes: Buffer): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    for (const line of serverLines(bytes)) this.log('server', line);
    if (!this.socket.write(bytes)) {
      this.blocked = true;
      this.socket.pause();
    }
  }

  private log(direction: 'client' | 'server', line: string): void {
    try {
      this.options.onLine?.({ connectionId: this.id, direction, line });
    } catch (error) {
      this.options.onInternalError(error);
    }
  }

  /** A bug must not take the process down with it: report it and drop this connection. */
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.options.onInternalError(error);
      this.destroy();
    }
  }
}
