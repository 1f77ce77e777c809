import { TAG_CHARS } from './tokens.ts';

/**
 * Splits the client's byte stream into complete commands (RFC 3501 §2.2, §4.3).
 *
 * A command is one CRLF-terminated line, unless that line ends in a literal header: `{n}`
 * (synchronising: the server must answer `+` before the client sends the n octets, RFC 3501
 * §7.5) or `{n+}` (non-synchronising, RFC 7888: the octets follow at once). After the octets the
 * command continues on the next line. Memory is bounded: every command has a budget for line
 * text and one for literal octets; a command that exceeds either is read to its end without
 * being stored and reported as rejected.
 *
 * Pull-based on purpose: the caller pushes bytes, then asks for events one at a time, so that
 * handling one command (say AUTHENTICATE, which then wants a bare line) can change how the
 * following input is read before it is read.
 */

export interface FramingLimits {
  /** Octets of command text per command, literals excluded. */
  readonly maxLineLength: number;
  /** Octets of literal data per command, all literals together. */
  readonly maxLiteralSize: number;
}

export const DEFAULT_FRAMING_LIMITS: FramingLimits = { maxLineLength: 64 * 1024, maxLiteralSize: 16 * 1024 * 1024 };

export type RejectReason = 'line-too-long' | 'literal-too-large';

export type FrameEvent =
  /** A whole command: its lines joined with CRLF, literal octets in place, final CRLF removed. */
  | { readonly type: 'command'; readonly bytes: Buffer }
  /**
   * The client announced a synchronising literal that fits: send a `+` continuation now, or
   * refuse the command (see abandonCommand). `firstLine` is the command's first line, which
   * holds its tag and name.
   */
  | { readonly type: 'continue'; readonly firstLine: Buffer }
  /** A bare line (an AUTHENTICATE response, IDLE's DONE), read in line mode. */
  | { readonly type: 'line'; readonly text: string }
  /**
   * A command that broke a limit; `tag` is its tag when one could be read. For a literal over
   * the limit, `literal` says how large it was announced, whether it was synchronising, and
   * the command's name (`APPEND` is answered with TOOBIG, RFC 7889). A non-synchronising one is
   * reported as soon as it is announced: its octets are on their way, and the connection is to
   * be closed rather than read past them (RFC 7888 §4).
   */
  | { readonly type: 'rejected'; readonly reason: RejectReason; readonly tag: string | undefined; readonly literal?: AnnouncedLiteral };

export interface AnnouncedLiteral {
  readonly size: number;
  readonly synchronising: boolean;
  /** The command's name, upper case, `UID ` kept; empty when it could not be read. */
  readonly command: string;
}

const LITERAL_HEADER = /\{(\d{1,20})(\+?)\}$/;
const TAG_AT_START = new RegExp(`^([${TAG_CHARS}]+) `);
const NAME_AFTER_TAG = new RegExp(`^[${TAG_CHARS}]+ +((?:UID +)?[A-Za-z]+)`, 'i');
/** Enough of a discarded line's end to still see a literal header there. */
const TAIL_KEPT = 32;

type Mode =
  | { readonly kind: 'line' }
  | { readonly kind: 'literal'; remaining: number }
  /** Skipping the rest of an over-long line, keeping only its start (for the tag) and its tail. */
  | { readonly kind: 'skip-line'; tail: string }
  | { readonly kind: 'skip-literal'; remaining: number };

export class CommandFramer {
  private readonly limits: FramingLimits;
  private input: Buffer = Buffer.alloc(0);
  private mode: Mode = { kind: 'line' };
  /** Pieces of the command being assembled (lines with their CRLF, literal octets). */
  private parts: Buffer[] = [];
  private lineBytes = 0;
  private literalBytes = 0;
  private rejected: { reason: RejectReason; tag: string | undefined; literal?: AnnouncedLiteral } | undefined;
  private rawLineWanted = false;
  /** A non-synchronising literal over the limit was announced: nothing more is read. */
  private stopped = false;

  constructor(limits: FramingLimits = DEFAULT_FRAMING_LIMITS) {
    this.limits = limits;
  }

  push(chunk: Buffer): void {
    if (this.stopped) return;
    this.input = this.input.length === 0 ? chunk : Buffer.concat([this.input, chunk]);
  }

  /** The next complete line is to be returned as a `line` event, not framed as a command. */
  expectRawLine(): void {
    this.rawLineWanted = true;
  }

  /**
   * The server answered the command instead of inviting its synchronising literal: the client
   * sends no octets (RFC 3501 §7.5), so the command ends here and the next line is a new one.
   */
  abandonCommand(): void {
    this.parts = [];
    this.lineBytes = 0;
    this.literalBytes = 0;
    this.mode = { kind: 'line' };
  }

  /** The next event the buffered input allows, or undefined when more input is needed. */
  next(): FrameEvent | undefined {
    for (;;) {
      const mode = this.mode;
      if (mode.kind === 'literal' || mode.kind === 'skip-literal') {
        if (this.input.length === 0) return undefined;
        const take = Math.min(mode.remaining, this.input.length);
        if (mode.kind === 'literal') this.parts.push(this.input.subarray(0, take));
        this.input = this.input.subarray(take);
        mode.remaining -= take;
        if (mode.remaining === 0) this.mode = mode.kind === 'literal' ? { kind: 'line' } : { kind: 'skip-line', tail: '' };
        continue;
      }
      const newline = this.input.indexOf(0x0a);
      if (newline < 0) return this.holdPartialLine();
      let line = this.input.subarray(0, newline);
      this.input = this.input.subarray(newline + 1);
      // CRLF is the terminator (RFC 3501 §2.2); a bare LF is tolerated, as most servers do.
      if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
      const event = mode.kind === 'skip-line' ? this.endSkippedLine((mode.tail + tailOf(line)).replace(/\r$/, '')) : this.endLine(line);
      if (event) return event;
    }
  }

  /** No newline yet: keep the partial line if it fits the budget, else start skipping it. */
  private holdPartialLine(): undefined {
    if (this.mode.kind === 'skip-line') {
      this.mode.tail = (this.mode.tail + tailOf(this.input)).slice(-TAIL_KEPT);
      this.input = Buffer.alloc(0);
    } else if (this.lineBytes + this.input.length > this.limits.maxLineLength) {
      this.reject('line-too-long', this.input);
      this.mode = { kind: 'skip-line', tail: tailOf(this.input) };
      this.input = Buffer.alloc(0);
    }
    return undefined;
  }

  private endLine(line: Buffer): FrameEvent | undefined {
    if (this.lineBytes + line.length > this.limits.maxLineLength) {
      this.reject('line-too-long', line);
      return this.endSkippedLine(tailOf(line));
    }
    if (this.rawLineWanted && this.parts.length === 0) {
      this.rawLineWanted = false;
      return { type: 'line', text: line.toString('utf8') };
    }
    this.lineBytes += line.length + 2;
    this.parts.push(line);
    const header = LITERAL_HEADER.exec(tailOf(line));
    if (!header) return this.finishCommand();
    const size = Number(header[1]);
    const synchronising = header[2] === '';
    this.parts.push(Buffer.from('\r\n'));
    if (this.literalBytes + size > this.limits.maxLiteralSize) {
      const command = NAME_AFTER_TAG.exec(this.parts[0]?.subarray(0, 200).toString('latin1') ?? '')?.[1]?.replace(/ +/, ' ').toUpperCase() ?? '';
      this.reject('literal-too-large', Buffer.concat(this.parts), { size, synchronising, command });
      // Checked when announced, never after the octets have come: a synchronising literal is
      // refused instead of invited (RFC 3501 §7.5), a non-synchronising one ends the command
      // here and the connection with it (RFC 7888 §4), so nothing of it is read.
      if (!synchronising) {
        this.input = Buffer.alloc(0);
        this.stopped = true;
      }
      return this.finishCommand();
    }
    this.literalBytes += size;
    this.mode = { kind: 'literal', remaining: size };
    return synchronising ? { type: 'continue', firstLine: this.parts[0] ?? line } : undefined;
  }

  /** The end of a line of a command already rejected: it may still announce a literal. */
  private endSkippedLine(tail: string): FrameEvent | undefined {
    const header = LITERAL_HEADER.exec(tail);
    if (!header) return this.finishCommand();
    return this.startSkippedLiteral(Number(header[1]), header[2] === '');
  }

  private startSkippedLiteral(size: number, synchronising: boolean): FrameEvent | undefined {
    // No `+` is sent for a rejected synchronising literal, so the client sends no octets and
    // waits for the tagged answer: the command ends here (RFC 3501 §7.5). The octets of a
    // non-synchronising one are on their way regardless and must be read past (RFC 7888 §4).
    if (synchronising) return this.finishCommand();
    this.mode = { kind: 'skip-literal', remaining: size };
    return undefined;
  }

  private finishCommand(): FrameEvent {
    const bytes = Buffer.concat(this.parts);
    const rejected = this.rejected;
    this.parts = [];
    this.lineBytes = 0;
    this.literalBytes = 0;
    this.rejected = undefined;
    this.mode = { kind: 'line' };
    if (rejected) return { type: 'rejected', ...rejected };
    return { type: 'command', bytes };
  }

  private reject(reason: RejectReason, firstBytes: Buffer, literal?: AnnouncedLiteral): void {
    if (this.rejected) return;
    const start = this.parts.length > 0 ? Buffer.concat(this.parts) : firstBytes;
    const tag = TAG_AT_START.exec(start.subarray(0, 200).toString('latin1'))?.[1];
    this.rejected = { reason, tag, ...(literal ? { literal } : {}) };
    this.parts = [];
    this.rawLineWanted = false;
  }
}

function tailOf(bytes: Buffer): string {
  return bytes.subarray(Math.max(0, bytes.length - TAIL_KEPT)).toString('latin1');
}
