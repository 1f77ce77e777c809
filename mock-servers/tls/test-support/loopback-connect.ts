import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { testCertificate } from '../index.ts';

/** A plain TCP connection to a loopback listener, for raw-line protocol tests. */
export function plainConnect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * TLS to a loopback listener, or over an open socket after STARTTLS, trusting only the shipped
 * test certificate: verification stays on, so a wrong certificate fails the test.
 */
export function secureConnect(target: { port: number } | { socket: Socket }): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connectTls({ ...target, host: '127.0.0.1', servername: 'localhost', ca: testCertificate() }, () => resolve(socket));
    socket.once('error', reject);
  });
}
