import type { WireEvent } from '../../mock-servers/index.ts';

/**
 * A readable log of the scenario's traffic: IMAP lines as the server saw them and one line per
 * SMTP delivery. Attached to a failed scenario's report, it shows what the CRM really did.
 */
export class WireLog {
  private readonly lines: string[] = [];
  private readonly limit: number;
  private dropped = 0;

  constructor(limit = 2000) {
    this.limit = limit;
  }

  record(event: WireEvent): void {
    if (this.lines.length >= this.limit) {
      this.dropped++;
      return;
    }
    this.lines.push(WireLog.format(event));
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
    return [...this.lines, ...(this.dropped ? [`… ${this.dropped} more lines not kept`] : [])].join('\n');
  }
}
