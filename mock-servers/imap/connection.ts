import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { MailStore, MailStoreEvent } from '../store/index.ts';
import { ConnectionFaults, type ConnectionFaultOptions } from './connection-faults.ts';
import { HeldReplies } from './connection-held-replies.ts';
import { ConnectionInput } from './connection-input.ts';
import { upgradeToTls } from './connection-tls.ts';
import { ConnectionTranscript } from './connection-transcript.ts';
import { Dispatcher, type Reply } from './dispatcher.ts';
import { cutAfterFetchResponses } from './fetch-cut.ts';
import type { ImapLimits } from './imap-limits.ts';
import type { FrameEvent } from './protocol/framing.ts';
import { parseCommand } from './protocol/parser.ts';
import { continuationLine } from './protocol/writer.ts';
import { clientCommandLines, type TranscriptListener } from './transcript.ts';
import { transportSecurity, type TransportSecurity } from './transport-security.ts';

/** Time one slice of a long reply may take before other sessions get their turn. */
const SLICE_MS = 5;
/**
 * Pause points of long work in one slice at most, however fast the machine: other sessions get
 * a turn at least this often (every 512 messages of a SEARCH, 1,024 of a COPY), whatever the clock says.
 */
const PAUSES_PER_SLICE = 64;
/**
 * Output a long reply may have waiting for the client before the rest waits for 'drain': enough
 * that a client reading quickly never waits on the server, little enough to bound memory.
 */
const UNREAD_OUTPUT_BYTES = 1024 * 1024;

export interface ConnectionOptions {
  readonly id: number;
  readonly store: MailStore;
  readonly limits: ImapLimits;
  /** The server's clock, by which idle time is measured (a simulation's virtual clock). */
  readonly clock: () => Date;
  /** The client's address without the port, for the per-address connection cap. */
  readonly address: string;
  readonly onLine: TranscriptListener | undefined;
  /** Whether the server's lines are wanted now (see ImapServerOptions). */
  readonly wantsServerLines?: () => boolean;
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
 * One client socket: frames in (connection-input.ts), commands through the dispatcher,
 * responses out and into the transcript (connection-transcript.ts), TLS on STARTTLS
 * (connection-tls.ts), scripted faults (connection-faults.ts) and the replies a slow one holds
 * back (connection-held-replies.ts). Commands run one at a time in arrival order. Nothing a
 * client does may throw out of here: socket errors end only this connection.
 */
export class ImapConnection {
  readonly id: number;
  private socket: Socket;
  private readonly options: ConnectionOptions;
  private readonly input: ConnectionInput;
  private readonly transcript: ConnectionTranscript;
  private encrypted: boolean;
  private readonly dispatcher: Dispatcher;
  private readonly unsubscribe: () => void;
  private closing = false;
  private readonly held: HeldReplies;
  private readonly faults: ConnectionFaults;
  /** Others' changes were announced in this turn of the event loop; more are told once after it. */
  private announcing = false;
  private announceAgain = false;
  /** When the client last sent anything, by the server's clock. */
  private lastActivity: number;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.id = options.id;
    this.socket = socket;
    this.options = options;
    this.lastActivity = options.clock().getTime();
    this.input = new ConnectionInput(options.limits, () => this.socket, (event) => this.handle(event), () => this.closing);
    this.transcript = new ConnectionTranscript(options.id, options.onLine, options.onInternalError, options.wantsServerLines);
    this.encrypted = options.encrypted ?? false;
    this.faults = new ConnectionFaults(options.faults, options.id, options.onInternalError);
    this.held = new HeldReplies(this.input, (ms) => this.faults.sleep(ms), (action) => this.guard(action), () => this.closing);
    this.dispatcher = new Dispatcher({
      store: options.store,
      maxBadCommands: options.limits.maxBadCommands,
      maxLiteralSize: options.limits.maxLiteralSize,
      maxListPatternLength: options.limits.maxListPatternLength,
      maxAuthFailures: options.limits.maxAuthFailures,
      onInternalError: options.onInternalError,
      security: () => this.security,
      scriptedFailure: (name: string) => this.faults.commandFailure(name),
    });
    this.unsubscribe = options.store.onChange((event) => this.guard(() => this.storeChanged(event)));
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

  get address(): string {
    return this.options.address;
  }

  /**
   * Autologout (RFC 3501 §5.4): after the allowed idle time by the server's clock, `* BYE` and
   * close. Checked by the server's sweep, so a virtual clock moved forward ends idle sessions
   * as passing time would. True when the session was ended.
   */
  expireIfIdle(now: number): boolean {
    if (this.closing) return false;
    const allowed = this.dispatcher.authenticated ? this.options.limits.autologoutMs : this.options.limits.loginTimeoutMs;
    if (now - this.lastActivity < allowed) return false;
    this.bye(`Autologout; idle for too long (${Math.round(allowed / 1000)} s)`);
    return true;
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

  /**
   * Others' changes are announced at the first event of a burst, and once more after it if
   * more came: a COPY of thousands of messages, placed before any event is sent, is one EXISTS
   * to an IDLE client, not thousands of checks of the whole mailbox.
   */
  private storeChanged(event: MailStoreEvent): void {
    if (!this.dispatcher.storeChanged(event)) return;
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    this.deliver(this.dispatcher.announce());
    queueMicrotask(() =>
      this.guard(() => {
        this.announcing = false;
        if (!this.announceAgain) return;
        this.announceAgain = false;
        if (!this.closing) this.deliver(this.dispatcher.announce());
      }),
    );
  }

  private handle(event: FrameEvent): void {
    switch (event.type) {
      case 'continue': {
        const refusal = this.dispatcher.refuseLiteral(event.firstLine);
        if (!refusal) {
          this.write(continuationLine('Ready for literal data'));
          return;
        }
        this.input.abandonCommand();
        this.deliver(refusal);
        return;
      }
      case 'command': {
        const drops = this.faults.dropBeforeCommand();
        if (drops.length > 0) {
          // A drop-after-commands fault: the connection goes without a word, as if the network
          // failed. The transcript shows the command that went unanswered, then why.
          this.transcript.client(clientCommandLines(event.bytes, parseCommand(event.bytes)));
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
        this.deliver(this.dispatcher.rejected(event.tag, event.reason, event.literal));
        return;
    }
  }

  /** Writes a reply, or holds it back while a slow fault is scripted (connection-held-replies.ts). */
  private deliver(reply: Reply, fetchCut?: number): void {
    // The framer must know at once whether the next input is a bare line (AUTHENTICATE, IDLE).
    if (this.dispatcher.awaitingLine) this.input.expectRawLine();
    // A failed login is answered late, later with each failure (Dovecot's auth_failure_delay).
    const delay = Math.max(this.faults.replyDelayMs(), (reply.authFailures ?? 0) * this.options.limits.authFailureDelayMs);
    if (this.held.mustWait(delay)) this.held.hold(delay, () => this.send(reply, fetchCut));
    else this.send(reply, fetchCut);
  }

  private send(reply: Reply, fetchCut: number | undefined): void {
    this.transcript.client(reply.clientLines);
    if (fetchCut !== undefined) {
      const output = [...reply.output];
      const { kept, cut, fetchResponses } = cutAfterFetchResponses(output, fetchCut);
      if (cut) {
        this.write(kept);
        this.faults.reportAll([{ protocol: 'imap', rule: 'drop-mid-fetch', detail: `connection dropped after ${fetchResponses} FETCH response(s), before the tagged reply` }]);
        this.drop();
        return;
      }
      reply = { ...reply, output };
    }
    if (Array.isArray(reply.output)) {
      for (const chunk of reply.output as readonly Buffer[]) this.write(chunk);
      this.finish(reply);
      return;
    }
    this.writeInSlices(reply.output[Symbol.iterator](), () => this.finish(reply));
  }

  /**
   * Writes a long reply a slice at a time: a few milliseconds of work, then the event loop is
   * free for every other session before the next slice, and nothing more is made while the
   * client has not read what was written ('drain'). The client's further input waits meanwhile,
   * as commands run one at a time.
   */
  private writeInSlices(chunks: Iterator<Buffer>, done: () => void): void {
    this.input.hold();
    const step = () =>
      this.guard(() => {
        // The client went away (closed, or half-closed so nothing more can reach it): the rest
        // of the work is dropped; a COPY or MOVE not yet committed does nothing.
        if (this.closing || !this.socket.writable) return;
        const started = performance.now();
        let pauses = 0;
        // One slice goes out in as few writes as the socket allows.
        const socket = this.socket;
        socket.cork();
        try {
          for (let written = 1; ; written++) {
            const next = chunks.next();
            if (next.done) {
              const last = this.input.release();
              done();
              if (last) this.input.unpause();
              return;
            }
            // An empty chunk is a pause point of long work (a SEARCH, a COPY): nothing to send.
            if (next.value.length > 0) this.write(next.value);
            else if (++pauses === PAUSES_PER_SLICE) {
              setImmediate(step);
              return;
            }
            if (socket.writableLength >= UNREAD_OUTPUT_BYTES) {
              socket.once('drain', step);
              return;
            }
            if (written % 32 === 0 && performance.now() - started >= SLICE_MS) {
              setImmediate(step);
              return;
            }
          }
        } finally {
          socket.uncork();
        }
      });
    step();
  }

  private finish(reply: Reply): void {
    if (reply.close) {
      this.closing = true;
      this.socket.end();
    }
    if (reply.startTls) this.startTls();
  }

  private listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) =>
      this.guard(() => {
        this.lastActivity = this.options.clock().getTime();
        this.input.receive(chunk);
      }),
    );
    socket.on('drain', () => this.guard(() => this.input.drained()));
    // A reset, a failed handshake or a write to a vanished client: nothing to tell, just let
    // this connection go.
    socket.on('error', () => this.socket.destroy());
  }

  /** STARTTLS was answered OK: from here on only TLS records are read (connection-tls.ts). */
  private startTls(): void {
    const context = this.options.tls?.context;
    if (!context) throw new Error('STARTTLS answered OK on a connection without TLS');
    const wasPaused = this.input.restartForTls();
    this.encrypted = true;
    this.socket = upgradeToTls(this.socket, context, wasPaused);
    this.listen(this.socket);
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

  private write(bytes: Buffer): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.transcript.server(bytes);
    if (!this.socket.write(bytes)) this.input.outputBlocked();
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
