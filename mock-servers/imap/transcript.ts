import type { ParseResult } from './protocol/parser.ts';
import { astringValue } from './protocol/tokens.ts';
import { transcriptLines } from './transcript-lines.ts';

/**
 * One line of a session as the client sent it or the server wrote it, CRLF removed. A client
 * command is recorded once it is complete, so the `+` that invited one of its literals comes
 * just before it.
 */
export interface TranscriptEntry {
  readonly connectionId: number;
  readonly direction: 'client' | 'server';
  readonly line: string;
}

export type TranscriptListener = (entry: TranscriptEntry) => void;

export const REDACTED = '***';

/**
 * The transcript lines for a client command, with secrets replaced: the LOGIN password
 * (RFC 3501 §6.2.3) and an AUTHENTICATE initial response (RFC 4959), which carries one too.
 * Every form is covered: after `UID` (not a valid command, but a client may send it), in any
 * case, and malformed (whatever follows a LOGIN or AUTHENTICATE word is hidden, since a
 * password may be in it however the line is broken).
 */
export function clientCommandLines(bytes: Buffer, parsed: ParseResult): string[] {
  if (parsed.ok) {
    const { tag, name, args } = parsed.command;
    const base = name.replace(/^UID /, '');
    if (base === 'LOGIN' && args.length >= 2) return [`${tag} ${name} ${quoteForTranscript(astringValue(args[0]) ?? '?')} ${REDACTED}`];
    if (base === 'LOGIN' && args.length === 1) return [`${tag} ${name} ${REDACTED}`];
    if (base === 'AUTHENTICATE' && args.length >= 2) return [`${tag} ${name} ${astringValue(args[0]) ?? '?'} ${REDACTED}`];
  } else {
    const secret = SECRET_COMMAND.exec(bytes.subarray(0, 400).toString('latin1'));
    if (secret) return [`${secret[1]} ${REDACTED}`];
  }
  return transcriptLines(bytes);
}

/** Up to the first LOGIN or AUTHENTICATE word among the first few words of a line. */
const SECRET_COMMAND = /^(\S*(?:\s+\S+){0,2}?\s+(?:LOGIN|AUTHENTICATE))(?:\s|$)/i;

/** The transcript line for a command answered before its literal was sent. */
export function refusedCommandLines(firstLine: Buffer, tag: string, name: string): string[] {
  if (/^(?:UID )?(?:LOGIN|AUTHENTICATE)$/.test(name)) return [`${tag} ${name} ${REDACTED}`];
  const secret = SECRET_COMMAND.exec(firstLine.subarray(0, 400).toString('latin1'));
  if (secret) return [`${secret[1]} ${REDACTED}`];
  return [firstLine.toString('utf8')];
}

/**
 * Lines written by the server (a response with literals spans several lines); a literal over
 * 1 KiB is one placeholder line (transcript-lines.ts).
 */
export function serverLines(bytes: Buffer): string[] {
  return transcriptLines(bytes);
}

function quoteForTranscript(value: string): string {
  return /^[\x21-\x7e]+$/.test(value) && !value.includes('"') ? value : JSON.stringify(value);
}
