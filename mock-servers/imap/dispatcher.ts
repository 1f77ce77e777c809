import type { MailStore, MailStoreEvent } from '../store/index.ts';
import { capabilityText } from './capabilities.ts';
import { bad, no, type Command, type CommandOutcome, type Completion, type Continuation, type Deferred, type Untagged } from './commands/contract.ts';
import { loginDisabledRefusal } from './commands/login.ts';
import { DEFAULT_IMAP_LIMITS } from './imap-limits.ts';
import { findCommand } from './commands/registry.ts';
import type { AnnouncedLiteral, RejectReason } from './protocol/framing.ts';
import { parseCommand } from './protocol/parser.ts';
import { TAG_CHARS } from './protocol/tokens.ts';
import { continuationLine, statusLine, untaggedLine } from './protocol/writer.ts';
import { authenticated, LOGOUT, NOT_AUTHENTICATED, type SessionState } from './session-state.ts';
import { clientCommandLines, REDACTED, refusedCommandLines } from './transcript.ts';
import { PLAINTEXT_ONLY, type TransportSecurity } from './transport-security.ts';

const TAG = new RegExp(`^[${TAG_CHARS}]+$`);

export interface DispatcherOptions {
  readonly store: MailStore;
  /** Consecutive BAD answers after which the server says BYE and hangs up. */
  readonly maxBadCommands: number;
  /** Octets a literal may have, told to a client whose literal is larger. */
  readonly maxLiteralSize?: number;
  /** Characters of LIST and LSUB reference plus pattern. */
  readonly maxListPatternLength?: number;
  /** Failed logins on the connection before BYE. */
  readonly maxAuthFailures?: number;
  /** Told of bugs (exceptions from a handler); the client only sees `BAD Internal server error`. */
  readonly onInternalError: (error: unknown) => void;
  /** The connection's TLS state now; a plaintext-only server when absent. */
  readonly security?: () => TransportSecurity;
  /**
   * Asked before an admitted command runs, with its name (`FETCH` for `UID FETCH` too): a
   * scripted failure replaces the command's outcome, and the command does not run.
   */
  readonly scriptedFailure?: (name: string) => ScriptedFailure | undefined;
}

/** A command answered NO or BAD by a scripted fault instead of running. */
export interface ScriptedFailure {
  readonly status: 'NO' | 'BAD';
  readonly text: string;
}

/** What the connection is to do with one piece of client input. */
export interface Reply {
  /** The client's input as it goes into the transcript, secrets redacted. */
  readonly clientLines: readonly string[];
  /**
   * What to write, in order. An array, or for a command whose responses are made as they are
   * written (a large FETCH) a one-pass iterable, which the connection writes in slices.
   */
  readonly output: readonly Buffer[] | Iterable<Buffer>;
  /** Close the connection once the output is written. */
  readonly close: boolean;
  /** Start TLS once the output is written, dropping any input already buffered (STARTTLS). */
  readonly startTls?: true;
  /** This reply refuses a login: the failures on this connection so far, this one included. */
  readonly authFailures?: number;
}

const NOTHING: Reply = { clientLines: [], output: [], close: false };

/**
 * What every command shares: parse errors and unknown commands are BAD, each command runs
 * only in the states it declares, untagged responses precede the tagged one, a handler's
 * exception becomes `BAD Internal server error`, and too many BADs in a row end the session.
 *
 * It also keeps the client up to date with its selected mailbox (RFC 3501 §5.2, §7.4.1):
 * arrivals and others' flag changes are announced before a command's own responses, so
 * numbers already known keep their meaning; EXPUNGEs after them, at the end of any command but
 * FETCH, STORE and SEARCH; everything at once while IDLE. A selected mailbox that is deleted
 * or renumbered by someone else ends the session with BYE, as its numbers mean nothing now.
 */
export class Dispatcher {
  private readonly options: DispatcherOptions;
  private state: SessionState = NOT_AUTHENTICATED;
  private pending: { readonly tag: string; readonly continuation: Continuation } | undefined;
  private consecutiveBad = 0;
  private authFailures = 0;
  /** A handler is running: store changes it makes are its own to report. */
  private running = false;

  constructor(options: DispatcherOptions) {
    this.options = options;
  }

  /** RFC 3501 §7.1.1, with the capabilities so that clients need not ask (§7.2.1). */
  greeting(): Buffer {
    return statusLine('*', 'OK', 'Mock IMAP server ready', `CAPABILITY ${capabilityText(this.security, this.options.maxLiteralSize ?? DEFAULT_IMAP_LIMITS.maxLiteralSize)}`);
  }

  /** Logged in: the autologout time of RFC 3501 §5.4 applies, not the shorter one before login. */
  get authenticated(): boolean {
    return this.state.kind === 'authenticated' || this.state.kind === 'selected';
  }

  /** A command is waiting for a bare line from the client (AUTHENTICATE, IDLE). */
  get awaitingLine(): boolean {
    return this.pending !== undefined;
  }

  command(bytes: Buffer): Reply {
    const parsed = parseCommand(bytes);
    const clientLines = clientCommandLines(bytes, parsed);
    if (!parsed.ok) return this.reply(clientLines, parsed.tag ?? '*', [], bad(parsed.message));
    const { tag, name, args } = parsed.command;
    const command = this.admit(name);
    if (typeof command === 'string') return this.reply(clientLines, tag, [], bad(command));
    if (this.selectionGone()) return this.byeForGoneMailbox(clientLines);
    const announced = command.endsSelection ? [] : this.news(false);
    const failure = this.options.scriptedFailure?.(name.replace(/^UID /, ''));
    if (failure) return this.reply(clientLines, tag, announced, this.failedOutcome(command, failure), command);
    const context = { tag, name, state: this.state, store: this.options.store, security: this.security, maxListPatternLength: this.options.maxListPatternLength ?? DEFAULT_IMAP_LIMITS.maxListPatternLength, appendLimit: this.options.maxLiteralSize ?? DEFAULT_IMAP_LIMITS.maxLiteralSize };
    const outcome = this.run(() => command.handle(context, args));
    return this.reply(clientLines, tag, announced, outcome, command);
  }

  /**
   * Before a synchronising literal is invited: a command that is unknown or not allowed now is
   * answered at once, so the client need not send octets only to have them refused (§7.5).
   */
  refuseLiteral(firstLine: Buffer): Reply | undefined {
    const head = /^([^ ]+) (UID +)?([^ {]+)/i.exec(firstLine.subarray(0, 200).toString('latin1'));
    const tag = head?.[1];
    if (!head || !tag || !TAG.test(tag)) return undefined;
    const name = `${head[2] ? 'UID ' : ''}${head[3] ?? ''}`.toUpperCase();
    const command = this.admit(name);
    if (typeof command === 'string') return this.reply(refusedCommandLines(firstLine, tag, name), tag, [], bad(command));
    // The password would follow in plaintext: refuse before inviting it (RFC 3501 §6.2.3).
    if (name === 'LOGIN' && this.security.loginDisabled) return this.reply(refusedCommandLines(firstLine, tag, name), tag, [], loginDisabledRefusal());
    return undefined;
  }

  /** The client's line for the command waiting on a continuation. */
  line(text: string): Reply {
    const pending = this.pending;
    if (!pending) return this.reply([text], '*', [], bad('Unexpected continuation data'));
    this.pending = undefined;
    const clientLines = [pending.continuation.sensitive ? REDACTED : text];
    return this.reply(clientLines, pending.tag, [], this.run(() => pending.continuation.resume(text)), undefined);
  }

  /**
   * A command the framer discarded for breaking a size limit. A literal over the limit is
   * answered as soon as it is announced: APPEND's with TOOBIG (RFC 7889 §4, RFC 4469), NO for a
   * synchronising one the client has not sent, BAD for a non-synchronising one, whose octets
   * are already on their way, and the connection is closed rather than read through them (RFC
   * 7888 §4; Dovecot does the same).
   */
  rejected(tag: string | undefined, reason: RejectReason, literal?: AnnouncedLiteral): Reply {
    const answerTo = this.pending?.tag ?? tag ?? '*';
    this.pending = undefined;
    if (reason === 'literal-too-large' && literal) return this.literalTooLarge(tag, answerTo, literal);
    const text = reason === 'line-too-long' ? 'Command line too long' : 'Literal too large';
    return this.reply([`${tag ?? '*'} (${text.toLowerCase()}, discarded)`], answerTo, [], bad(text));
  }

  private literalTooLarge(tag: string | undefined, answerTo: string, literal: AnnouncedLiteral): Reply {
    const clientLines = [`${tag ?? '*'} ${literal.command || '?'} {${literal.size}${literal.synchronising ? '' : '+'}} (literal over the limit, refused when announced)`];
    const limit = this.options.maxLiteralSize ?? DEFAULT_IMAP_LIMITS.maxLiteralSize;
    const append = literal.command === 'APPEND';
    const text = append ? `Message of ${literal.size} octets is over the limit of ${limit} (APPENDLIMIT)` : `Literal too large: ${literal.size} octets, the limit is ${limit}`;
    if (literal.synchronising) {
      return this.reply(clientLines, answerTo, [], append ? no(text, { code: 'TOOBIG' }) : bad(text));
    }
    this.state = LOGOUT;
    const output = [statusLine('*', 'BYE', 'Non-synchronizing literal over the limit, closing the connection'), statusLine(answerTo, 'BAD', text, 'TOOBIG')];
    return { clientLines, output, close: true };
  }

  /**
   * Whether a change in the store concerns this session: someone else changed its selected
   * mailbox. The connection then asks `announce()`, once for a burst of events (a COPY of
   * thousands of messages is as many).
   */
  storeChanged(event: MailStoreEvent): boolean {
    return !this.running && this.state.kind === 'selected' && 'folder' in event && event.folder === this.state.folder;
  }

  /**
   * After someone else's change to the selected mailbox: while IDLE the client hears of it now
   * (RFC 2177 §3); a deleted or renumbered selected mailbox ends the session now, whatever the
   * client is doing (BYE may come at any time, §7.1.5), long work in slices included.
   */
  announce(): Reply {
    if (this.state.kind !== 'selected') return NOTHING;
    if (this.selectionGone()) return this.byeForGoneMailbox([]);
    if (!this.pending?.continuation.announceArrivals) return NOTHING;
    return { clientLines: [], output: this.news(true), close: false };
  }


  /** The session is over (BYE said); checked through a getter, as it changes while work pauses. */
  private get ended(): boolean {
    return this.state.kind === 'logout';
  }

  private get security(): TransportSecurity {
    return this.options.security?.() ?? PLAINTEXT_ONLY;
  }

  /** The command to run, or why it cannot run now: unknown, or not allowed in this state. */
  private admit(name: string): Command | string {
    const command = findCommand(name);
    if (!command) return `Unknown command ${name.length > 40 ? `${name.slice(0, 40)}...` : name}`;
    return command.allowedIn.includes(this.state.kind) ? command : stateError(command, this.state);
  }

  /** The selected mailbox's changes the client has not heard of (see the class comment). */
  private news(allowExpunges: boolean): Buffer[] {
    if (this.state.kind !== 'selected') return [];
    try {
      return this.state.view.sync(allowExpunges).map(untaggedLine);
    } catch (error) {
      this.options.onInternalError(error);
      return [];
    }
  }

  /**
   * A failed SELECT or EXAMINE leaves no mailbox selected (RFC 3501 §6.3.1, §6.3.2), so the
   * client and the server agree on the state after a scripted failure as after a real one.
   */
  private failedOutcome(command: Command, failure: ScriptedFailure): CommandOutcome {
    const deselects = (command.name === 'SELECT' || command.name === 'EXAMINE') && this.state.kind === 'selected';
    const nextState = deselects && this.state.kind === 'selected' ? authenticated(this.state.account) : undefined;
    return { kind: 'done', untagged: [], status: failure.status, text: failure.text, ...(nextState ? { nextState } : {}) };
  }

  private selectionGone(): boolean {
    return this.state.kind === 'selected' && this.state.view.gone;
  }

  /** Dovecot's words for the same event; the client reconnects and selects afresh. */
  private byeForGoneMailbox(clientLines: readonly string[]): Reply {
    const text = this.state.kind === 'selected' && !this.state.account.owns(this.state.folder) ? 'Selected mailbox was deleted, have to disconnect' : 'Mailbox UIDVALIDITY changed, have to disconnect';
    this.state = LOGOUT;
    this.pending = undefined;
    return { clientLines, output: [statusLine('*', 'BYE', text)], close: true };
  }

  private run(handler: () => CommandOutcome): CommandOutcome {
    this.running = true;
    try {
      return handler();
    } catch (error) {
      this.options.onInternalError(error);
      return bad('Internal server error');
    } finally {
      this.running = false;
    }
  }

  /** `command` is absent when a continuation ends, which reports what it must itself. */
  private reply(clientLines: readonly string[], tag: string, before: readonly Buffer[], outcome: CommandOutcome, command?: Command): Reply {
    if (outcome.kind === 'deferred') {
      // Whether the session ends with this command is known only once its work is done.
      const ending = { close: false };
      const output = this.concludeLater(tag, before, outcome, command, ending);
      return {
        clientLines,
        output,
        get close() {
          return ending.close;
        },
      };
    }
    const head = [...before, ...outcome.untagged.map(untaggedLine)];
    if (outcome.kind === 'continue') {
      this.pending = { tag, continuation: outcome };
      const news = outcome.announceArrivals ? this.news(true) : [];
      return { clientLines, output: [...head, ...news, continuationLine(outcome.prompt)], close: false };
    }
    const loginFailed = outcome.code === 'AUTHENTICATIONFAILED' || outcome.code === 'AUTHORIZATIONFAILED';
    const tail = this.conclude(tag, outcome, command);
    const startTls = outcome.startTls === true && outcome.status === 'OK';
    // Streamed responses go between the command's own untagged responses and what follows them.
    const stream = outcome.stream;
    const written = stream ? chain(head, stream, tail) : [...head, ...tail];
    return { clientLines, output: written, close: this.state.kind === 'logout', ...(startTls ? { startTls } : {}), ...(loginFailed ? { authFailures: this.authFailures } : {}) };
  }

  /**
   * Deferred work, a slice at a time as the connection writes: a pause point for each `null`
   * it yields, then its completion. Its own changes to the store are its own to report, like a
   * handler's; an exception ends it as `BAD Internal server error`.
   */
  private *concludeLater(tag: string, before: readonly Buffer[], outcome: Deferred, command: Command | undefined, ending: { close: boolean }): Generator<Buffer> {
    yield* before;
    let completion: Completion;
    for (;;) {
      // The session ended between slices (its mailbox was deleted, BYE): the work is dropped.
      if (this.ended) return;
      this.running = true;
      let step: IteratorResult<null, Completion>;
      try {
        step = outcome.work.next();
      } catch (error) {
        this.options.onInternalError(error);
        step = { done: true, value: bad('Internal server error') };
      } finally {
        this.running = false;
      }
      if (step.done) {
        completion = step.value;
        break;
      }
      yield PAUSE;
    }
    const head = completion.untagged.map(untaggedLine);
    const tail = this.conclude(tag, completion, command);
    ending.close = this.ended;
    yield* completion.stream ? chain(head, completion.stream, tail) : [...head, ...tail];
  }

  /**
   * What follows a command's own responses: the session's state moved on, the mailbox's news
   * (see the class comment), a BYE when the session must end, and the tagged status line.
   */
  private conclude(tag: string, outcome: Completion, command: Command | undefined): Buffer[] {
    const output: Buffer[] = [];
    if (outcome.nextState) this.state = outcome.nextState;
    this.consecutiveBad = outcome.status === 'BAD' ? this.consecutiveBad + 1 : 0;
    if (command && !command.endsSelection) output.push(...this.news(!command.defersExpunges));
    const tagged = statusLine(tag, outcome.status, outcome.text, outcome.code);
    // RFC 5530 codes that only LOGIN and AUTHENTICATE give: a failed login.
    const loginFailed = outcome.code === 'AUTHENTICATIONFAILED' || outcome.code === 'AUTHORIZATIONFAILED';
    if (loginFailed) this.authFailures += 1;
    // As with LOGOUT, the BYE comes before the tagged answer (RFC 3501 §7.1.5).
    if (this.consecutiveBad >= this.options.maxBadCommands) {
      output.push(statusLine('*', 'BYE', 'Too many invalid commands'));
      this.state = LOGOUT;
    } else if (loginFailed && this.authFailures >= (this.options.maxAuthFailures ?? DEFAULT_IMAP_LIMITS.maxAuthFailures)) {
      // Dovecot hangs up after a few failures too, so guessing costs a new connection each time.
      output.push(statusLine('*', 'BYE', `Too many failed login attempts (${this.authFailures})`));
      this.state = LOGOUT;
    }
    output.push(tagged);
    return output;
  }
}

function stateError(command: Command, state: SessionState): string {
  const name = command.name;
  switch (state.kind) {
    case 'not-authenticated':
      return `${name} is only allowed after LOGIN or AUTHENTICATE`;
    case 'authenticated':
      return command.allowedIn.includes('selected') ? `No mailbox selected: ${name} needs SELECT or EXAMINE first` : 'Already authenticated';
    case 'selected':
      return command.allowedIn.includes('not-authenticated') ? 'Already authenticated' : `${name} is not allowed while a mailbox is selected`;
    case 'logout':
      return 'Logging out';
  }
}

/** Nothing to write: a point where the connection may end its slice (contract.ts, `stream`). */
const PAUSE = Buffer.alloc(0);

/** The head, each streamed response rendered as it is reached, then the tail: one pass only. */
function* chain(head: readonly Buffer[], stream: Iterable<Untagged | null>, tail: readonly Buffer[]): Generator<Buffer> {
  yield* head;
  for (const response of stream) yield response === null ? PAUSE : untaggedLine(response);
  yield* tail;
}
