/**
 * What the connection's transport allows, as the commands see it: whether STARTTLS can still be
 * started (RFC 3501 §6.2.1), whether the session is encrypted, and whether plaintext login is
 * refused until it is (LOGINDISABLED, RFC 3501 §6.2.3; RFC 2595 §3.2).
 */
export interface TransportSecurity {
  readonly canStartTls: boolean;
  readonly encrypted: boolean;
  readonly loginDisabled: boolean;
}

/** A server without TLS: nothing to start, nothing refused (loopback test use). */
export const PLAINTEXT_ONLY: TransportSecurity = { canStartTls: false, encrypted: false, loginDisabled: false };

/** The security of a session given the server's TLS set-up and whether TLS is active now. */
export function transportSecurity(tlsConfigured: boolean, requireTls: boolean, encrypted: boolean): TransportSecurity {
  return { canStartTls: tlsConfigured && !encrypted, encrypted, loginDisabled: requireTls && !encrypted };
}
