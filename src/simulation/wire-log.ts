import type { WireEvent } from '../../mock-servers/index.ts';

/**
 * A readable log of the scenario's traffic: IMAP lines as the server saw them, one line per SMTP
 * delivery, and notes that mark where each synchronisation starts and ends, since the connector's
 * one IMAP session carries them all. Attached to a failed scenario's report, it shows what the
 * CRM really did. Past its limit it keeps the first half and the latest lines, where a failure
 * usually is, and says how many it left out between them.
 */
export class WireLog {
  private readonly head: string[] = [];
  private readonly tail: string[] = [];
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private omitted = 0;

  constructor(limit = 2000) {
    this.headLimit = Math.ceil(limit / 2);
    this.tailLimit = limit - this.headLimit;
  }

  record(event: WireEvent): void {
    this.keep(WireLog.format(event));
  }

  /** A line of the simulation's own, such as "sales@acme.test: synchronisation 2 starts". */
  note(text: string): void {
    this.keep(`── ${text}`);
  }

  static format(event: WireEvent): string {
    if (event.protocol === 'imap') {
      const { connectionId, direction, line } = event.entry;
      return `IMAP#${connectionId} ${direction === 'client' ? 'C:' : 'S:'} ${line.length > 300 ? `${line.slice(0, 300)}… (${line.length} chars)` : line}`;
    }
    const { mailFrom, recipients, local, remote } = event.delivery;
    const filed = [...local.map((l) => `${l.account}/${l.folder} UID ${l.uid}`), ...remote.map((r) => `outbox ${r}`)].join(', ');
    return `SMTP MAIL FROM:<${mailFrom}> RCPT TO:${recipients.map((r) => `<${r}>`).join(',')} → ${filed || 'nowhere'}`;
  }

  toString(): string {
    const gap = this.omitted ? [`… ${this.omitted} lines left out …`] : [];
    return [...this.head, ...gap, ...this.tail].join('\n');
  }

  private keep(line: string): void {
    if (this.head.length < this.headLimit) {
      this.head.push(line);
      return;
    }
    this.tail.push(line);
    if (this.tail.length > this.tailLimit) {
      this.tail.shift();
      this.omitted++;
    }
  }
}
