import type { MailStore } from '../../store/index.ts';
import type { Token } from '../protocol/tokens.ts';
import type { Untagged } from '../protocol/untagged.ts';
import type { SessionState, SessionStateName, StateOf } from '../session-state.ts';
import type { TransportSecurity } from '../transport-security.ts';

/**
 * The contract every command file implements. A command is declarative: its name, the states
 * it may run in (RFC 3501 §6: "Valid states"), and a handler that returns what to answer.
 * Protocol outcomes (NO, BAD) are values; a handler only throws on a bug.
 */

export { untaggedStatus, type Untagged } from '../protocol/untagged.ts';

export type TaggedStatus = 'OK' | 'NO' | 'BAD';

export interface CommandContext<S extends SessionState = SessionState> {
  readonly tag: string;
  readonly name: string;
  readonly state: S;
  readonly store: MailStore;
  /** The connection's TLS state; absent means a plaintext-only server. */
  readonly security?: TransportSecurity;
  /** Characters LIST and LSUB accept in reference plus pattern; no limit when absent. */
  readonly maxListPatternLength?: number;
  /** The largest message APPEND takes, advertised as APPENDLIMIT (RFC 7889). */
  readonly appendLimit?: number;
}

/** The command is over: untagged responses, then the tagged status line. */
export interface Completion {
  readonly kind: 'done';
  readonly untagged: readonly Untagged[];
  readonly status: TaggedStatus;
  /** A response code without its brackets, e.g. `UIDVALIDITY 3` (RFC 3501 §7.1). */
  readonly code?: string;
  readonly text: string;
  /** The state the session moves to; unchanged when absent. */
  readonly nextState?: SessionState;
  /** After this OK is written, the connection starts TLS on the same socket (STARTTLS). */
  readonly startTls?: true;
  /**
   * Untagged responses made one at a time as they are written, after `untagged`: a FETCH of a
   * large folder is written in slices, so other sessions keep moving and its responses are never
   * all in memory at once. Whatever a response changes (\Seen) is done as it is made. A `null`
   * is a point where the work may pause and nothing is written: a SEARCH of a large folder
   * yields one every few messages, so its one response does not hold the other sessions up.
   */
  readonly stream?: Iterable<Untagged | null>;
}

/** The command waits for a line from the client after a `+` continuation (RFC 3501 §7.5). */
export interface Continuation {
  readonly kind: 'continue';
  readonly untagged: readonly Untagged[];
  readonly prompt: string;
  /** The client's line is a secret (a SASL response) and stays out of transcripts. */
  readonly sensitive: boolean;
  /** While waiting, changes to the selected mailbox are announced at once (IDLE, RFC 2177). */
  readonly announceArrivals: boolean;
  resume(line: string): CommandOutcome;
}

/**
 * Long work whose answer is known only at its end (COPY and MOVE of many messages): the work
 * yields `null` wherever it may pause, so other sessions are served between slices, and returns
 * the completion. The session reads no further command meanwhile. A connection that closes
 * before the end abandons the work where it paused.
 */
export interface Deferred {
  readonly kind: 'deferred';
  readonly work: Iterator<null, Completion>;
}

export type CommandOutcome = Completion | Continuation | Deferred;

export interface CommandSpec<K extends SessionStateName> {
  readonly name: string;
  readonly allowedIn: readonly K[];
  /**
   * The command closes or replaces the selected mailbox (SELECT, EXAMINE, CLOSE, UNSELECT,
   * LOGOUT), so news of the old mailbox's arrivals is not sent before its answer.
   */
  readonly endsSelection?: boolean;
  /**
   * FETCH, STORE and SEARCH by sequence number: no EXPUNGE response may be sent while they run
   * (RFC 3501 §7.4.1), since the client could no longer tell which message a number meant.
   */
  readonly defersExpunges?: boolean;
  handle(ctx: CommandContext<StateOf<K>>, args: readonly Token[]): CommandOutcome;
}

/** A registered command, its handler widened to any state (the dispatcher checks allowedIn). */
export interface Command {
  readonly name: string;
  readonly allowedIn: readonly SessionStateName[];
  readonly endsSelection: boolean;
  readonly defersExpunges: boolean;
  handle(ctx: CommandContext, args: readonly Token[]): CommandOutcome;
}

export function defineCommand<K extends SessionStateName>(spec: CommandSpec<K>): Command {
  return {
    name: spec.name,
    allowedIn: spec.allowedIn,
    endsSelection: spec.endsSelection ?? false,
    defersExpunges: spec.defersExpunges ?? false,
    handle(ctx, args) {
      const state = ctx.state;
      if (!isStateIn(state, spec.allowedIn)) throw new Error(`${spec.name} dispatched in the ${state.kind} state`);
      return spec.handle({ ...ctx, state }, args);
    },
  };
}

function isStateIn<K extends SessionStateName>(state: SessionState, kinds: readonly K[]): state is StateOf<K> {
  return (kinds as readonly SessionStateName[]).includes(state.kind);
}

interface CompletionOptions {
  readonly untagged?: readonly Untagged[];
  readonly code?: string;
  readonly nextState?: SessionState;
}

export function ok(text: string, options: CompletionOptions = {}): Completion {
  return complete('OK', text, options);
}

export function no(text: string, options: CompletionOptions = {}): Completion {
  return complete('NO', text, options);
}

export function bad(text: string, options: CompletionOptions = {}): Completion {
  return complete('BAD', text, options);
}

function complete(status: TaggedStatus, text: string, options: CompletionOptions): Completion {
  return {
    kind: 'done',
    untagged: options.untagged ?? [],
    status,
    text,
    ...(options.code === undefined ? {} : { code: options.code }),
    ...(options.nextState === undefined ? {} : { nextState: options.nextState }),
  };
}

/** The usual wrong-arity answer, so every command words it the same way. */
export function badArguments(name: string, usage: string): Completion {
  return bad(`Invalid arguments for ${name}, expected: ${name} ${usage}`);
}
