import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';

/**
 * STARTTLS was answered OK: the plain socket stops being read as IMAP and becomes the carrier
 * of a server-side TLS session. Its plaintext listeners go, so nothing sent in plaintext after
 * the command can reach the new session (RFC 2595 §3.1; CVE-2011-0411); the OK is already
 * queued on the plain socket ahead of the handshake. `wasPaused`: reading had stopped for
 * back-pressure, and the TLS layer needs the plain socket flowing to read its records.
 */
export function upgradeToTls(plain: Socket, context: SecureContext, wasPaused: boolean): TLSSocket {
  plain.removeAllListeners('data');
  plain.removeAllListeners('drain');
  if (wasPaused) plain.resume();
  return new TLSSocket(plain, { isServer: true, secureContext: context });
}
