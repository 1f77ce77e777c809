import type { Socket } from 'node:net';
import { CommandFramer, type FrameEvent, type FramingLimits } from './protocol/framing.ts';

/**
 * The reading side of one IMAP connection: bytes in through the framer, one frame at a time to
 * the handler, and the two reasons to stop reading. When the client stops reading our output
 * (a write returned false), reading from it pauses until 'drain', so a pipelining client cannot
 * make the server buffer without bound. While replies are held back (a scripted slow fault),
 * no further input is handled either, as with a server that is slow rather than out of turn.
 */
export class ConnectionInput {
  private framer: CommandFramer;
  private readonly limits: FramingLimits;
  private readonly socket: () => Socket;
  private readonly handle: (event: FrameEvent) => void;
  private readonly closing: () => boolean;
  /** The client stopped reading: wait for 'drain' before handling more input. */
  private blocked = false;
  /** Replies held back by a scripted slow fault; input waits until they are written. */
  private held = 0;

  constructor(limits: FramingLimits, socket: () => Socket, handle: (event: FrameEvent) => void, closing: () => boolean) {
    this.limits = limits;
    this.framer = new CommandFramer(limits);
    this.socket = socket;
    this.handle = handle;
    this.closing = closing;
  }

  receive(chunk: Buffer): void {
    if (this.closing()) return;
    this.framer.push(chunk);
    this.pump();
  }

  /** A write did not fit in the socket's buffer: stop reading until the client drains it. */
  outputBlocked(): void {
    this.blocked = true;
    this.socket().pause();
  }

  /** The client read what was written ('drain'). */
  drained(): void {
    this.blocked = false;
    this.unpause();
  }

  /** Whether replies are being held back, so that a new one must queue behind them. */
  get holding(): boolean {
    return this.held > 0;
  }

  /** One more reply is held back; reading stops until it is written. */
  hold(): void {
    this.held += 1;
    this.socket().pause();
  }

  /** A held reply is about to be written; true when it was the last one. */
  release(): boolean {
    this.held -= 1;
    return this.held === 0;
  }

  /** Handles what was buffered meanwhile, then reads again if nothing holds input back. */
  unpause(): void {
    this.pump();
    if (!this.blocked && this.held === 0 && !this.closing()) this.socket().resume();
  }

  /** The next input is a bare line (an AUTHENTICATE response, IDLE's DONE), not a command. */
  expectRawLine(): void {
    this.framer.expectRawLine();
  }

  /** The command whose literal was refused is dropped; its literal is not awaited. */
  abandonCommand(): void {
    this.framer.abandonCommand();
  }

  /**
   * STARTTLS: a new framer, so whatever plaintext was buffered behind the command is thrown
   * away, never run inside the TLS session (RFC 2595 §3.1). Returns whether reading was paused
   * because the client had stopped reading; the TLS layer must then read again.
   */
  restartForTls(): boolean {
    this.framer = new CommandFramer(this.limits);
    const wasBlocked = this.blocked;
    this.blocked = false;
    return wasBlocked;
  }

  private pump(): void {
    while (!this.closing() && !this.blocked && this.held === 0) {
      const event = this.framer.next();
      if (!event) return;
      this.handle(event);
    }
  }
}
