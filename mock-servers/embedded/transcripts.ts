import type { FaultEvent } from '../faults/index.ts';

/** One line of a connection: what the client sent, what the server wrote, or a fault that fired. */
export interface TranscriptLine {
  readonly direction: 'client' | 'server' | 'fault';
  readonly text: string;
  /** By the server's clock (the virtual clock in a simulation). */
  readonly at: Date;
}

export interface Transcript {
  readonly protocol: 'smtp' | 'imap';
  /** One sequence for both protocols, so an id names one connection. */
  readonly connectionId: number;
  /** The client's address and port. */
  readonly remote: string;
  readonly lines: readonly TranscriptLine[];
  /** Lines not kept once the connection passed the per-connection limit. */
  readonly droppedLines: number;
}

interface OpenTranscript {
  readonly protocol: 'smtp' | 'imap';
  readonly connectionId: number;
  readonly remote: string;
  readonly lines: TranscriptLine[];
  droppedLines: number;
  /** Emptied by clear() while possibly still open: shown again only once it has new lines. */
  cleared: boolean;
}

/**
 * Every connection's lines, both protocols, passwords already redacted by the servers. A
 * connection keeps at most `maxLinesPerConnection` lines (a FETCH of a large folder writes
 * millions), then only counts; a fault line is always kept, being what a test looks for.
 */
export class TranscriptBook {
  private readonly open = new Map<number, OpenTranscript>();
  private readonly clock: () => Date;
  private readonly maxLines: number;

  constructor(clock: () => Date, maxLinesPerConnection = 10_000) {
    this.clock = clock;
    this.maxLines = maxLinesPerConnection;
  }

  opened(protocol: 'smtp' | 'imap', connectionId: number, remote: string): void {
    this.open.set(connectionId, { protocol, connectionId, remote, lines: [], droppedLines: 0, cleared: false });
  }

  line(connectionId: number, direction: 'client' | 'server', text: string): void {
    const transcript = this.open.get(connectionId);
    if (!transcript) return;
    if (transcript.lines.length >= this.maxLines) {
      transcript.droppedLines += 1;
      return;
    }
    transcript.lines.push({ direction, text, at: this.clock() });
  }

  fault(connectionId: number, event: FaultEvent): void {
    this.open.get(connectionId)?.lines.push({ direction: 'fault', text: `${event.rule}: ${event.detail}`, at: this.clock() });
  }

  /** A copy, in the order the connections were opened. */
  all(): Transcript[] {
    return [...this.open.values()]
      .filter((t) => !t.cleared || t.lines.length > 0 || t.droppedLines > 0)
      .map(({ protocol, connectionId, remote, lines, droppedLines }) => ({ protocol, connectionId, remote, lines: [...lines], droppedLines }));
  }

  /** Forgets every line; connections still open go on recording under their ids. */
  clear(): void {
    for (const transcript of this.open.values()) {
      transcript.lines.length = 0;
      transcript.droppedLines = 0;
      transcript.cleared = true;
    }
  }
}

/** Transcripts as text, one line each: `IMAP#3 C: a1 LOGIN sales@acme.test ***`. */
export function formatTranscripts(transcripts: readonly Transcript[]): string {
  return transcripts
    .flatMap((t) => [
      `${t.protocol.toUpperCase()}#${t.connectionId} from ${t.remote}`,
      ...t.lines.map((line) => `${t.protocol.toUpperCase()}#${t.connectionId} ${line.direction === 'client' ? 'C:' : line.direction === 'server' ? 'S:' : '!!'} ${line.text}`),
      ...(t.droppedLines > 0 ? [`${t.protocol.toUpperCase()}#${t.connectionId} … ${t.droppedLines} more lines not kept`] : []),
    ])
    .join('\n');
}
