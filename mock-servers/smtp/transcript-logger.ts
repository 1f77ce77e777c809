/** Where SMTP lines go: one call per line, with the connection id the hooks gave it. */
export type SmtpLineSink = (connectionId: number, direction: 'client' | 'server', text: string) => void;

type LogMethod = (entry: { tnx?: string; cid?: string }, message?: string, ...args: unknown[]) => void;

/** smtp-server's words for a redacted AUTH secret; transcripts use the IMAP side's `***`. */
const SECURED = '/* secured */';

/**
 * A logger for smtp-server that turns its `C:` and `S:` debug lines (every command as the
 * client sent it, every reply as written) into transcript lines, and ignores the rest.
 * smtp-server already redacts AUTH secrets in `C:` lines (initial responses and the lines of
 * an AUTH exchange); the message body is not logged at all.
 */
export function transcriptLogger(sink: SmtpLineSink): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogMethod> {
  const ignore: LogMethod = () => undefined;
  const debug: LogMethod = (entry, message, ...args) => {
    const connectionId = Number(entry.cid);
    if (!Number.isInteger(connectionId) || (message !== 'C:' && message !== 'S:')) return;
    const text = args.map(String).join(' ');
    if (message === 'C:') {
      sink(connectionId, 'client', text.replace(SECURED, '***'));
      return;
    }
    for (const line of text.split('\r\n')) sink(connectionId, 'server', line);
  };
  return { trace: ignore, debug, info: ignore, warn: ignore, error: ignore, fatal: ignore };
}
