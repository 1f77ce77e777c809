/**
 * What one SMTP server allows a client, with Postfix's behaviour as the model. Each limit is
 * answered with a reply that says which limit it was.
 */
export interface SmtpLimits {
  /** Open connections in all (default 1,000); the next is told `421 4.7.0` and closed. */
  readonly maxConnections: number;
  /**
   * Open connections from one client address (default 100; Postfix's
   * smtpd_client_connection_count_limit is 50, but every local client shares 127.0.0.1).
   */
  readonly maxConnectionsPerAddress: number;
  /**
   * A client silent this long while the server waits for it is told `421 4.4.2 … timeout
   * exceeded` and disconnected (default 5 minutes, Postfix's smtpd_timeout; RFC 5321 §4.5.3.2
   * asks at least that of the server for a command), by the server's clock.
   */
  readonly idleTimeoutMs: number;
  /** A failed AUTH is answered after this delay times the failures so far on the connection; 0 (the default in code) at once. */
  readonly authFailureDelayMs: number;
  /** Failed AUTH attempts on one connection before `421 4.7.0` and close (default 3). */
  readonly maxAuthFailures: number;
}

export const DEFAULT_SMTP_LIMITS: SmtpLimits = {
  maxConnections: 1000,
  maxConnectionsPerAddress: 100,
  idleTimeoutMs: 5 * 60_000,
  authFailureDelayMs: 0,
  maxAuthFailures: 3,
};
