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
  /** Earlier lines no longer kept: the connection passed its per-connection limit. */
  readonly droppedLines: number;
}

/** How much of the traffic a TranscriptBook keeps; every part is bounded. */
export interface TranscriptLimits {
  /** Lines kept per connection, the latest (default 10,000); earlier ones are only counted. */
  readonly linesPerConnection: number;
  /** Characters kept per connection, the latest lines (default 1,000,000). */
  readonly charsPerConnection: number;
  /** A longer line is kept as its start and its size (default 1,000 characters). */
  readonly maxLineChars: number;
  /**
   * Characters kept for connections already closed, all together (default 4,000,000): past it
   * the oldest closed connections are forgotten whole, so a client that keeps reconnecting
   * cannot grow the server without bound.
   */
  readonly closedChars: number;
}

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = {
  linesPerConnection: 10_000,
  charsPerConnection: 1_000_000,
  maxLineChars: 1_000,
  closedChars: 4_000_000,
};

/** What a line costs besides its text (direction, time, the object): a rough, fixed figure. */
const LINE_OVERHEAD_CHARS = 40;

interface OpenTranscript {
  readonly protocol: 'smtp' | 'imap';
  readonly connectionId: number;
  readonly remote: string;
  readonly lines: TranscriptLine[];
  droppedLines: number;
  /** Fault lines among `lines`: they do not count against the ring's length. */
  faults: number;
  /** Characters held by `lines`, overhead included. */
  chars: number;
  closed: boolean;
  /** Emptied by clear() while possibly still open: shown again only once it has new lines. */
  cleared: boolean;
}

/**
 * Every connection's lines, both protocols, passwords already redacted by the servers. Memory
 * is bounded three ways: each connection is a ring of its latest lines (a FETCH of a large
 * folder writes millions; the ones before are only counted), a long line is cut to its start
 * and size, and closed connections share one budget, the oldest forgotten first. A fault line
 * is never pushed out of its ring, being what a test looks for.
 */
export class TranscriptBook {
  private readonly open = new Map<number, OpenTranscript>();
  private readonly clock: () => Date;
  private readonly limits: TranscriptLimits;
  private closedChars = 0;
  private readonly listener: ((line: string) => void) | undefined;

  /** `listener` hears every line as it is recorded, formatted as formatTranscripts writes it. */
  constructor(clock: () => Date, limits: Partial<TranscriptLimits> = {}, listener?: (line: string) => void) {
    this.clock = clock;
    this.limits = { ...DEFAULT_TRANSCRIPT_LIMITS, ...limits };
    this.listener = listener;
  }

  opened(protocol: 'smtp' | 'imap', connectionId: number, remote: string): void {
    this.open.set(connectionId, { protocol, connectionId, remote, lines: [], droppedLines: 0, faults: 0, chars: 0, closed: false, cleared: false });
  }

  line(connectionId: number, direction: 'client' | 'server', text: string): void {
    const transcript = this.open.get(connectionId);
    if (!transcript) return;
    this.push(transcript, { direction, text: this.cut(text), at: this.clock() });
    this.trim(transcript);
  }

  fault(connectionId: number, event: FaultEvent): void {
    const transcript = this.open.get(connectionId);
    if (!transcript) return;
    this.push(transcript, { direction: 'fault', text: this.cut(`${event.rule}: ${event.detail}`), at: this.clock() });
  }

  /** Whether lines are kept or told to a listener at all (not with `transcripts: false`). */
  get keepsLines(): boolean {
    return this.listener !== undefined || this.limits.linesPerConnection > 0;
  }

  /** The connection is over: its lines now count against the budget for closed connections. */
  closed(connectionId: number): void {
    const transcript = this.open.get(connectionId);
    if (!transcript || transcript.closed) return;
    transcript.closed = true;
    this.closedChars += transcript.chars;
    for (const [id, oldest] of this.open) {
      if (this.closedChars <= this.limits.closedChars) break;
      if (!oldest.closed) continue;
      this.open.delete(id);
      this.closedChars -= oldest.chars;
    }
  }

  /** A copy, in the order the connections were opened. */
  all(): Transcript[] {
    return [...this.open.values()]
      .filter((t) => !t.cleared || t.lines.length > 0 || t.droppedLines > 0)
      .map(({ protocol, connectionId, remote, lines, droppedLines }) => ({ protocol, connectionId, remote, lines: [...lines], droppedLines }));
  }

  /** Forgets every line and every closed connection; connections still open go on recording under their ids. */
  clear(): void {
    for (const [id, transcript] of this.open) {
      if (transcript.closed) {
        this.open.delete(id);
        continue;
      }
      transcript.lines.length = 0;
      transcript.droppedLines = 0;
      transcript.faults = 0;
      transcript.chars = 0;
      transcript.cleared = true;
    }
    this.closedChars = 0;
  }

  private push(transcript: OpenTranscript, line: TranscriptLine): void {
    this.listener?.(formatLine(transcript, line));
    transcript.lines.push(line);
    if (line.direction === 'fault') transcript.faults += 1;
    const cost = line.text.length + LINE_OVERHEAD_CHARS;
    transcript.chars += cost;
    if (transcript.closed) this.closedChars += cost;
  }

  /** Drops the oldest lines that are not faults until the connection is within its limits. */
  private trim(transcript: OpenTranscript): void {
    const { linesPerConnection, charsPerConnection } = this.limits;
    let from = 0;
    while (transcript.lines.length - transcript.faults > linesPerConnection || transcript.chars > charsPerConnection) {
      while (from < transcript.lines.length && transcript.lines[from]?.direction === 'fault') from += 1;
      if (from >= transcript.lines.length) return;
      const [dropped] = transcript.lines.splice(from, 1);
      const cost = (dropped?.text.length ?? 0) + LINE_OVERHEAD_CHARS;
      transcript.chars -= cost;
      if (transcript.closed) this.closedChars -= cost;
      transcript.droppedLines += 1;
    }
  }

  /** A line past the limit keeps its start and says how long it was. */
  private cut(text: string): string {
    if (text.length <= this.limits.maxLineChars) return text;
    return `${text.slice(0, this.limits.maxLineChars)}… (${Buffer.byteLength(text)} bytes in all)`;
  }
}

/** Transcripts as text, one line each: `IMAP#3 C: a1 LOGIN sales@acme.test ***`. */
export function formatTranscripts(transcripts: readonly Transcript[]): string {
  return transcripts
    .flatMap((t) => [
      `${t.protocol.toUpperCase()}#${t.connectionId} from ${t.remote}`,
      ...(t.droppedLines > 0 ? [`${t.protocol.toUpperCase()}#${t.connectionId} … ${t.droppedLines} earlier lines not kept`] : []),
      ...t.lines.map((line) => formatLine(t, line)),
    ])
    .join('\n');
}

function formatLine(t: { readonly protocol: 'smtp' | 'imap'; readonly connectionId: number }, line: TranscriptLine): string {
  return `${t.protocol.toUpperCase()}#${t.connectionId} ${line.direction === 'client' ? 'C:' : line.direction === 'server' ? 'S:' : '!!'} ${line.text}`;
}
