import type { SecureContext } from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

// TLS settings that make a context differ from another built from the same key and certificate;
// with any of them set, a server builds its own context as smtp-server always does.
const OTHER_TLS_SETTINGS = [
  'secure', 'sniOptions', 'SNICallback', 'pfx', 'passphrase', 'ca', 'crl', 'ciphers', 'ecdhCurve', 'dhparam', 'minVersion',
  'maxVersion', 'secureOptions', 'secureProtocol', 'sessionIdContext', 'sigalgs', 'honorCipherOrder', 'requestCert', 'rejectUnauthorized',
] as const;

/** Contexts by key and certificate; a handful at most (smtp-server's own, the test certificate, one given on the command line). */
const shared = new Map<string, Map<string, SecureContext>>();
const MOST_SHARED = 16;

function sharingKey(options: SMTPServerOptions): string | undefined {
  const settings = options as Record<string, unknown>;
  if (OTHER_TLS_SETTINGS.some((name) => settings[name] !== undefined && settings[name] !== false)) return undefined;
  const pem = (value: unknown) => (value === undefined ? '' : Buffer.isBuffer(value) ? value.toString('latin1') : typeof value === 'string' ? value : undefined);
  const [key, cert] = [pem(settings.key), pem(settings.cert)];
  return key === undefined || cert === undefined ? undefined : `${key}\0${cert}`;
}

/**
 * smtp-server builds a TLS context in every server's constructor (its `updateSecureContext()`:
 * the key and certificate parsed again, half a millisecond or more), even on a listener where
 * STARTTLS is disabled and nothing will ever use it. A scenario starts two listeners, so a
 * feature run paid it hundreds of times. This server shares one context among every server of
 * the process with the same key and certificate and no other TLS setting. Sharing is safe:
 * smtp-server replaces its map of contexts on an update, never changes it, and a context holds
 * no per-connection state. An update with new options (the documented way to change
 * certificates) builds the server its own, as before.
 */
export class SmtpServerSharingTls extends SMTPServer {
  override updateSecureContext(options?: Parameters<SMTPServer['updateSecureContext']>[0]): void {
    const key = options ? undefined : sharingKey(this.options);
    const known = key === undefined ? undefined : shared.get(key);
    if (known) {
      this.secureContext = known;
      return;
    }
    super.updateSecureContext(options);
    if (key !== undefined && shared.size < MOST_SHARED) shared.set(key, this.secureContext);
  }
}
