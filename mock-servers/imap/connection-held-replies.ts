import type { ConnectionInput } from './connection-input.ts';

/**
 * Replies held back by a scripted slow fault. They go out in the order they were made, each
 * after its delay, and no further input is handled until the last is out, as with a server
 * that is slow to answer rather than one that answers out of turn.
 */
export class HeldReplies {
  private queue: Promise<void> = Promise.resolve();
  private readonly input: ConnectionInput;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly guard: (action: () => void) => void;
  private readonly closing: () => boolean;

  constructor(input: ConnectionInput, sleep: (ms: number) => Promise<void>, guard: (action: () => void) => void, closing: () => boolean) {
    this.input = input;
    this.sleep = sleep;
    this.guard = guard;
    this.closing = closing;
  }

  /** Whether a reply with this delay must wait: a delay is scripted, or earlier replies are still held. */
  mustWait(delayMs: number): boolean {
    return delayMs > 0 || this.input.holding;
  }

  /** Holds a reply back for delayMs after those already held; `send` writes it unless the connection closed meanwhile. */
  hold(delayMs: number, send: () => void): void {
    this.input.hold();
    this.queue = this.queue
      .then(() => this.sleep(delayMs))
      .then(() =>
        this.guard(() => {
          const last = this.input.release();
          if (this.closing()) return;
          send();
          if (last) this.input.unpause();
        }),
      );
  }
}
