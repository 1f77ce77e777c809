/**
 * The SMTP ports a mail server offers (RFC 8314 §3.3, RFC 6409): one for mail from anywhere
 * (an MX, port 25) and two for a mail client handing over its user's mail (submission, which
 * always asks for AUTH).
 */
export type SmtpListenerKind =
  /** Port 25: AUTH optional, STARTTLS offered when TLS is configured (RFC 5321, RFC 3207). */
  | 'inbound'
  /** Port 587: AUTH required (RFC 6409 §4.3, RFC 4954), STARTTLS offered when TLS is configured. */
  | 'submission'
  /** Port 465: TLS from the first byte, then as submission (RFC 8314 §3.3). */
  | 'implicit-tls';

export type SmtpTlsMode = 'none' | 'starttls' | 'implicit';

export interface SmtpListenerAddress {
  readonly kind: SmtpListenerKind;
  readonly host: string;
  readonly port: number;
  readonly tls: SmtpTlsMode;
  readonly authRequired: boolean;
}

export function requiresAuth(kind: SmtpListenerKind): boolean {
  return kind !== 'inbound';
}

export function tlsModeOf(kind: SmtpListenerKind, tlsConfigured: boolean): SmtpTlsMode {
  if (kind === 'implicit-tls') return 'implicit';
  return tlsConfigured ? 'starttls' : 'none';
}
