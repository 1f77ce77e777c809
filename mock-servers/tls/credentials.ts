import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';

/** The shipped test-only certificate for localhost, 127.0.0.1 and ::1 (see README.md here). */
export const TEST_CERTIFICATE_FILE = join(import.meta.dirname, 'localhost-cert.pem');
export const TEST_KEY_FILE = join(import.meta.dirname, 'localhost-key.pem');

/** A private key and its certificate chain, PEM encoded. */
export interface TlsCredentials {
  readonly key: Buffer;
  readonly cert: Buffer;
}

/**
 * How a user asks for TLS: `true` for the shipped test certificate, PEM text or buffers, or
 * paths to PEM files (what a command line has).
 */
export type TlsOption =
  | true
  | { readonly key: string | Buffer; readonly cert: string | Buffer }
  | { readonly keyFile: string; readonly certFile: string };

/** Reads the credentials once, at construction, so a bad path fails before any listener opens. */
export function resolveTls(option: TlsOption): TlsCredentials {
  if (option === true) return readPair(TEST_KEY_FILE, TEST_CERTIFICATE_FILE);
  if ('keyFile' in option) return readPair(option.keyFile, option.certFile);
  return checked(Buffer.from(option.key), Buffer.from(option.cert), 'the key given', 'the certificate given');
}

/** The shipped test certificate, for clients that must trust the server (pass it as their CA). */
export function testCertificate(): Buffer {
  return readFileSync(TEST_CERTIFICATE_FILE);
}

function readPair(keyFile: string, certFile: string): TlsCredentials {
  return checked(readPem(keyFile, 'TLS key'), readPem(certFile, 'TLS certificate'), keyFile, certFile);
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`Cannot read the ${what} file ${file} (${reason})`);
  }
}

/** A wrong file would otherwise surface only at the first handshake, as an opaque TLS alert. */
function checked(key: Buffer, cert: Buffer, keyName: string, certName: string): TlsCredentials {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString('latin1'))) throw new Error(`${keyName} is not a PEM private key`);
  if (!cert.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${certName} is not a PEM certificate`);
  try {
    createSecureContext({ key, cert });
  } catch (error) {
    throw new Error(`The TLS key ${keyName} and certificate ${certName} cannot be used together: ${(error as Error).message}`);
  }
  return { key, cert };
}
