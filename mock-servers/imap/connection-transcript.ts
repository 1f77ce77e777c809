import { serverLines, type TranscriptListener } from './transcript.ts';

/**
 * Where one connection's traffic goes line by line (`onLine`). Server output is decoded into
 * lines only when someone listens, since a large FETCH writes megabytes; a listener that throws
 * is reported as a bug, never allowed to break the session.
 */
export class ConnectionTranscript {
  private readonly connectionId: number;
  private readonly listener: TranscriptListener | undefined;
  private readonly onError: (error: unknown) => void;
  private readonly wanted: () => boolean;

  constructor(connectionId: number, listener: TranscriptListener | undefined, onError: (error: unknown) => void, wanted: () => boolean = () => true) {
    this.connectionId = connectionId;
    this.listener = listener;
    this.onError = onError;
    this.wanted = wanted;
  }

  client(lines: readonly string[]): void {
    for (const line of lines) this.log('client', line);
  }

  server(bytes: Buffer): void {
    if (!this.listener || !this.wanted()) return;
    for (const line of serverLines(bytes)) this.log('server', line);
  }

  private log(direction: 'client' | 'server', line: string): void {
    try {
      this.listener?.({ connectionId: this.connectionId, direction, line });
    } catch (error) {
      this.onError(error);
    }
  }
}
