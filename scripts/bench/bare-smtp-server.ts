/**
 * The SMTP baseline: `smtp-server` configured as the mock server configures it, but whose DATA
 * handler only drains the stream and counts. Whatever the mock server costs beyond this is its
 * own work (trace fields, recipient checks, filing into the store); this is the stack's limit.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface BareSmtpServer {
  readonly port: number;
  /** Messages whose DATA ended; the benchmark checks every message arrived. */
  readonly received: () => number;
  close(): Promise<void>;
}

export async function startBareSmtpServer(): Promise<BareSmtpServer> {
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 25 * 1024 * 1024,
    closeTimeout: 1,
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        received++;
        callback(null, 'Drained');
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
