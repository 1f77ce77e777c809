import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import type { MailStore } from '../store/index.ts';
import { ConnectionFaults, type ConnectionFaultOptions } from './connection-faults.ts';
import { Dispatcher, type Reply } from './dispatcher.ts';
import { cutAfterFetchResponses } from './fetch-cut.ts';
import { CommandFramer, type FrameEvent, type FramingLimits } from './protocol/framing.ts';
import { parseCommand } from './protocol/parser.ts';
import { continuationLine } from './protocol/writer.ts';
import { clientCommandLines, serverLines, type TranscriptListener } from './transcript.ts';
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
  /** Scripted faults, and where to report those that fire on this connection. */
  readonly faults?: ConnectionFaultOptions;
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
  /** The client stopped reading: wait for 'drain' before handling more input. */
  private blocked = false;
  /** Replies held back by a scripted slow fault; input waits until they are written. */
  private held = 0;
  private heldQueue: Promise<void> = Promise.resolve();
  private readonly faults: ConnectionFaults;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.id = options.id;
    this.socket = socket;
    this.options = options;
    this.framer = new CommandFramer(options.limits);
    this.encrypted = options.encrypted ?? false;
    this.faults = new ConnectionFaults(options.faults, options.id, options.onInternalError);
    this.dispatcher = new Dispatcher({
      store: options.store,
      maxBadCommands: options.limits.maxBadCommands,
      onInternalError: options.onInternalError,
      security: () => this.security,
      scriptedFailure: (name: string) => this.faults.commandFailure(name),
    });
    this.unsubscribe = options.store.onChange((event) => this.guard(() => this.deliver(this.dispatcher.storeChanged(event))));
    socket.setNoDelay(true);
    this.listen(socket);
    socket.on('close', () => {
      this.closing = true;
      this.faults.cancelTimers();
      this.unsubscribe();
      options.onClose();
    });
    this.deliver({ clientLines: [], output: [this.dispatcher.greeting()], close: false });
  }

  get security(): TransportSecurity {
    return transportSecurity(this.options.tls !== undefined, this.options.tls?.requireTls ?? false, this.encrypted);
  }

  /** Ends the connection at once (server shutdown). */
  destroy(): void {
    this.closing = true;
    this.faults.cancelTimers();
    this.socket.destroy();
  }

  /**
   * Says `* BYE` with this text and closes, as a server going down does (RFC 3501 §7.1.5):
   * the client knows the session is over and why, rather than seeing a reset.
   */
  bye(text: string): void {
    if (this.closing) return;
    this.deliver({ clientLines: [], output: [Buffer.from(`* BYE ${text}\r\n`)], close: true });
  }

  private receive(chunk: Buffer): void {
    if (this.closing) return;
    this.framer.push(chunk);
    this.pump();
  }

  private resume(): void {
    this.blocked = false;
    this.unpause();
  }

  private unpause(): void {
    this.pump();
    if (!this.blocked && this.held === 0 && !this.closing) this.socket.resume();
  }

  private pump(): void {
    while (!this.closing && !this.blocked && this.held === 0) {
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
      case 'command': {
        const drops = this.faults.dropBeforeCommand();
        if (drops.length > 0) {
          // A drop-after-commands fault: the connection goes without a word, as if the network
          // failed. The transcript shows the command that went unanswered, then why.
          for (const line of clientCommandLines(event.bytes, parseCommand(event.bytes))) this.log('client', line);
          this.faults.reportAll(drops);
          this.drop();
          return;
        }
        this.deliver(this.dispatcher.command(event.bytes), this.faults.fetchCut(event.bytes));
        return;
      }
      case 'line':
        this.deliver(this.dispatcher.line(event.text));
        return;
      case 'rejected':
        this.deliver(this.dispatcher.rejected(event.tag, event.reason));
        return;
    }
  }

  /**
   * Writes a reply, or holds it back while a slow fault is scripted. Held replies keep their
   * order, and no further input is handled until they are out, as with a server that is slow
   * to answer rather than one that answers out of turn.
   */
  private deliver(reply: Reply, fetchCut?: number): void {
    // The framer must know at once whether the next input is a bare line (AUTHENTICATE, IDLE).
    if (this.dispatcher.awaitingLine) this.framer.expectRawLine();
    const delay = this.faults.replyDelayMs();
    if (delay === 0 && this.held === 0) {
      this.send(reply, fetchCut);
      return;
    }
    this.held += 1;
    this.socket.pause();
    this.heldQueue = this.heldQueue
      .then(() => this.faults.sleep(delay))
      .then(() =>
        this.guard(() => {
          this.held -= 1;
          if (this.closing) return;
          this.send(reply, fetchCut);
          if (this.held === 0) this.unpause();
        }),
      );
  }

  private send(reply: Reply, fetchCut: number | undefined): void {
    for (const line of reply.clientLines) this.log('client', line);
    if (fetchCut !== undefined) {
      const { kept, cut, fetchResponses } = cutAfterFetchResponses(reply.output, fetchCut);
      if (cut) {
        this.write(kept);
        this.faults.reportAll([{ protocol: 'imap', rule: 'drop-mid-fetch', detail: `connection dropped after ${fetchResponses} FETCH response(s), before the tagged reply` }]);
        this.drop();
        return;
      }
    }
    this.announce(reply.output);
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

  /**
   * Hangs up without another word. What was already written still goes out first (a reset
   * could discard it), so the client sees exactly the responses the fault allowed.
   */
  private drop(): void {
    this.closing = true;
    this.faults.cancelTimers();
    const socket = this.socket;
    socket.end(() => socket.destroy());
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
