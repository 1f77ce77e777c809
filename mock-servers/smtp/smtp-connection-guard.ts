import type { Socket } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import type { SmtpLimits } from './smtp-limits.ts';

/** What the guard needs of one of smtp-server's connections. */
interface GuardedConnection {
  readonly remoteAddress: string;
  _socket: Socket;
  send(code: number, data?: unknown, context?: unknown): void;
}

interface GuardedServer {
  readonly connections: Set<GuardedConnection>;
  connect(socket: Socket, socketOptions?: Record<string, unknown> | null): void;
}

export interface ConnectionGuardOptions {
  readonly limits: SmtpLimits;
  /** Name in the replies, as in the banner. */
  readonly hostname: string;
  /** The server's clock, by which idleness is measured (a simulation's virtual clock). */
  readonly clock: () => Date;
}

/**
 * Connection caps and the idle time-out of one smtp-server, as Postfix words them: too many
 * connections get `421 4.7.0 <host> Error: too many connections from <address>` instead of a
 * greeting (RFC 5321 §3.1 lets a server open with 421), and a client that stays silent past the
 * limit gets `421 4.4.2 <host> Error: timeout exceeded` (§4.5.3.2). Idleness is read off the
 * server's clock by `expireIdle()`, so a virtual clock drives it. Installed after the
 * connection hooks, so it runs first and a refused connection never gets an id of its own.
 */
export class SmtpConnectionGuard {
  private readonly options: ConnectionGuardOptions;
  private readonly servers: GuardedServer[] = [];
  private readonly lastActivity = new WeakMap<GuardedConnection, number>();

  constructor(options: ConnectionGuardOptions) {
    this.options = options;
  }

  guard(smtpServer: SMTPServer): void {
    const server = smtpServer as unknown as GuardedServer;
    this.servers.push(server);
    const connect = server.connect.bind(server);
    server.connect = (socket, socketOptions) => {
      const refusal = this.refusal(socket.remoteAddress ?? '?');
      if (refusal) {
        socket.on('error', () => socket.destroy());
        socket.end(`421 ${refusal}\r\n`);
        return;
      }
      const before = new Set(server.connections);
      connect(socket, socketOptions);
      const connection = [...server.connections].find((c) => !before.has(c));
      if (!connection) return;
      this.lastActivity.set(connection, this.now());
      socket.on('data', () => this.lastActivity.set(connection, this.now()));
    };
  }

  /** Ends every connection silent past the limit by the server's clock; returns how many. */
  expireIdle(): number {
    const now = this.now();
    let ended = 0;
    for (const server of this.servers) {
      for (const connection of [...server.connections]) {
        const last = this.lastActivity.get(connection);
        if (last === undefined || now - last < this.options.limits.idleTimeoutMs) continue;
        // smtp-server closes the connection after any 421 it sends.
        connection.send(421, `${this.options.hostname} Error: timeout exceeded`);
        ended += 1;
      }
    }
    return ended;
  }

  private refusal(address: string): string | undefined {
    const { maxConnections, maxConnectionsPerAddress } = this.options.limits;
    const open = this.servers.flatMap((server) => [...server.connections]);
    if (open.length >= maxConnections) return `4.7.0 ${this.options.hostname} Error: too many connections (limit ${maxConnections}), try again later`;
    const fromAddress = open.filter((connection) => sameAddress(connection.remoteAddress, address)).length;
    if (fromAddress >= maxConnectionsPerAddress) return `4.7.0 ${this.options.hostname} Error: too many connections from ${address} (limit ${maxConnectionsPerAddress})`;
    return undefined;
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}

/** smtp-server writes IPv4-mapped addresses without the `::ffff:` prefix. */
function sameAddress(a: string, b: string): boolean {
  const plain = (address: string) => address.replace(/^::ffff:/, '');
  return plain(a) === plain(b);
}
