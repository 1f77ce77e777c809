import { DEFAULT_FRAMING_LIMITS, type FramingLimits } from './protocol/framing.ts';

/**
 * What one IMAP server allows a client, each with a default close to what Dovecot ships. Every
 * limit is answered with a clear response, never by silence or a reset.
 */
export interface ImapLimits extends FramingLimits {
  /** Consecutive BAD answers before `* BYE Too many invalid commands` (default 20). */
  readonly maxBadCommands: number;
  /**
   * Characters of reference plus pattern in LIST and LSUB (default 1,024); longer gets BAD. No
   * mailbox name here comes near it, so a longer pattern only costs time.
   */
  readonly maxListPatternLength: number;
  /** Open connections in all (default 1,000); the next is told `* BYE` and closed. */
  readonly maxConnections: number;
  /** Open connections from one client address (default 100; every local client shares 127.0.0.1). */
  readonly maxConnectionsPerAddress: number;
  /**
   * Autologout of an authenticated session after this long without a command (default 30
   * minutes, the least RFC 3501 §5.4 allows), by the server's clock.
   */
  readonly autologoutMs: number;
  /** The same before login (default 60 s: §5.4 lets it be shorter, and Dovecot's login processes are quick to hang up). */
  readonly loginTimeoutMs: number;
  /**
   * A failed LOGIN or AUTHENTICATE is answered after this delay times the failures so far on the
   * connection (Dovecot's auth_failure_delay is 2 s). 0 (the default in code) answers at once.
   */
  readonly authFailureDelayMs: number;
  /** Failed logins on one connection before `* BYE` and close (default 3, as Dovecot's login processes). */
  readonly maxAuthFailures: number;
}

export const DEFAULT_IMAP_LIMITS: ImapLimits = {
  ...DEFAULT_FRAMING_LIMITS,
  maxBadCommands: 20,
  maxListPatternLength: 1024,
  maxConnections: 1000,
  maxConnectionsPerAddress: 100,
  autologoutMs: 30 * 60_000,
  loginTimeoutMs: 60_000,
  authFailureDelayMs: 0,
  maxAuthFailures: 3,
};
