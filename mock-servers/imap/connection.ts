import type { Socket } from 'node:net';
import type { MailStore } from '../store/index.ts';
import { Dispatcher, type Reply } from './dispatcher.ts';
import { CommandFramer, type FrameEvent, type FramingLimits } from './protocol/framing.ts';
import { continuationLine } from './protocol/writer.ts';
import { serverLines, type TranscriptListener } from './transcript.ts';

export interface ConnectionOptions {
  readonly id: number;
  readonly store: MailStore;
  readonly limits: FramingLimits & { readonly maxBadCommands: number };
  readonly onLine: TranscriptListener | undefined;
  readonly onInternalError: (error: unknown) => void;
  readonly onClose: () => void;
}

/**
 * One client socket: bytes in through the framer, commands through the dispatcher, responses
 * out. Commands run one at a time in arrival order. When the client stops reading, reading
 * from it pauses too, so a pipelining client cannot make the server buffer without bound.
 * Nothing a client does may throw out of here: socket errors end only this connection.
 */
export class ImapConnection {
  readonly id: number;
  private readonly socket: Socket;
  private readonly options: ConnectionOptions;
  private readonly framer: CommandFramer;
  private readonly dispatcher: Dispatcher;
  private readonly unsubscribe: () => void;
  private closing = false;
  private blocked = false;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.id = options.id;
    this.socket = socket;
    this.options = options;
    this.framer = new CommandFramer(options.limits);
    this.dispatcher = new Dispatcher({ store: options.store, maxBadCommands: options.limits.maxBadCommands, onInternalError: options.onInternalError });
    this.unsubscribe = options.store.onChange((event) => this.guard(() => this.deliver(this.dispatcher.storeChanged(event))));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.guard(() => this.receive(chunk)));
    socket.on('drain', () => this.guard(() => this.resume()));
    // A reset or write to a vanished client: nothing to tell, just let this connection go.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.closing = true;
      this.unsubscribe();
      options.onClose();
    });
    this.write(this.dispatcher.greeting());
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
