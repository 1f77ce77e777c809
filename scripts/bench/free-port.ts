/**
 * A loopback port that was free a moment ago, for a server (Dovecot) that must be told its port
 * in a configuration file instead of taking port 0. The system hands out ephemeral ports in
 * turn, so the port is not given again before the server binds it.
 */
import { createServer, type AddressInfo } from 'node:net';

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
