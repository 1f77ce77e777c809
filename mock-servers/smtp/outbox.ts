import { waitForEvent } from '../shared/wait-for-event.ts';

/** A message the server accepted for a domain it does not host: what "the outside world" received. */
export interface OutboundMessage {
  readonly id: number;
  readonly mailFrom: string;
  readonly recipients: readonly string[];
  readonly raw: Buffer;
  readonly acceptedAt: Date;
}

/**
 * Mail for other domains is not relayed anywhere: it is kept here so tests can read what
 * left the system, and wait for it by event rather than by polling.
 */
export class Outbox {
  private readonly kept: OutboundMessage[] = [];
  private readonly listeners = new Set<(message: OutboundMessage) => void>();

  get messages(): readonly OutboundMessage[] {
    return this.kept;
  }

  /** Forgets every kept message (the mail server's reset). */
  clear(): void {
    this.kept.length = 0;
  }

  /** Puts back exactly these messages (the mail server's restore). */
  replaceWith(messages: readonly OutboundMessage[]): void {
    this.kept.length = 0;
    this.kept.push(...messages);
  }

  add(message: Omit<OutboundMessage, 'id'>): OutboundMessage {
    const stored = { ...message, id: this.kept.length + 1 };
    this.kept.push(stored);
    for (const listener of [...this.listeners]) listener(stored);
    return stored;
  }

  /** Resolves with the first kept message, now or later, that matches (see waitForEvent). */
  waitFor(predicate: (message: OutboundMessage) => boolean, timeoutMs = 5000): Promise<OutboundMessage> {
    const source = {
      existing: this.kept,
      subscribe: (listener: (message: OutboundMessage) => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
    return waitForEvent(source, predicate, timeoutMs, 'matching outbound message');
  }
}
