import { askPlan, type FaultEvent, type FaultPlan } from '../faults/index.ts';

/** Where a connection's scripted faults come from and where the ones that fire are reported. */
export interface ConnectionFaultOptions {
  readonly plan: FaultPlan;
  readonly report: (connectionId: number, event: FaultEvent) => void;
}

const FETCH_COMMAND = /^[^ ]+ +(?:UID +)?FETCH(?: |$)/i;

/**
 * One IMAP connection's view of the fault plan: it counts the connection's commands, asks the
 * plan at the points the connection reaches, files every fault that fires under this
 * connection, and keeps the timers of slow replies so that closing cancels them. Without a
 * plan every question has the harmless answer.
 */
export class ConnectionFaults {
  private readonly options: ConnectionFaultOptions | undefined;
  private readonly connectionId: number;
  private readonly onReportError: (error: unknown) => void;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Complete commands received, for drop-after-commands. */
  private commands = 0;

  constructor(options: ConnectionFaultOptions | undefined, connectionId: number, onReportError: (error: unknown) => void) {
    this.options = options;
    this.connectionId = connectionId;
    this.onReportError = onReportError;
  }

  /**
   * A complete command arrived. Returns the faults that decided to drop the connection before
   * it is answered (empty: carry on); the caller logs the command first, then reports them.
   */
  dropBeforeCommand(): FaultEvent[] {
    this.commands += 1;
    if (!this.options) return [];
    const commandNumber = this.commands;
    const { answer, fired } = askPlan(this.options.plan, (plan) => plan.dropBeforeCommand('imap', commandNumber));
    if (answer) return fired;
    this.reportAll(fired);
    return [];
  }

  /** For a FETCH or UID FETCH: after how many FETCH responses to drop the connection, if at all. */
  fetchCut(command: Buffer): number | undefined {
    if (!FETCH_COMMAND.test(command.subarray(0, 100).toString('latin1'))) return undefined;
    return this.ask((plan) => plan.fetchDropPoint());
  }

  /** A scripted NO or BAD for this command name, if any. */
  commandFailure(name: string): ReturnType<FaultPlan['imapCommand']> {
    return this.ask((plan) => plan.imapCommand(name));
  }

  /** How long to hold the next reply back (slow replies). */
  replyDelayMs(): number {
    return this.options?.plan.replyDelayMs('imap') ?? 0;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** The connection closed: held replies will never be written. */
  cancelTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  reportAll(events: readonly FaultEvent[]): void {
    for (const event of events) {
      try {
        this.options?.report(this.connectionId, event);
      } catch (error) {
        this.onReportError(error);
      }
    }
  }

  private ask<T>(question: (plan: FaultPlan) => T): T | undefined {
    if (!this.options) return undefined;
    const { answer, fired } = askPlan(this.options.plan, question);
    this.reportAll(fired);
    return answer;
  }
}
