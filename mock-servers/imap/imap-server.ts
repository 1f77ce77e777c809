import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer, type SecureContext } from 'node:tls';
import type { FaultEvent, FaultPlan } from '../faults/index.ts';
import type { TlsCredentials } from '../tls/index.ts';
import type { MailStore } from '../store/index.ts';
import { ImapConnection } from './connection.ts';
import { DEFAULT_IMAP_LIMITS, type ImapLimits } from './imap-limits.ts';
import { statusLine } from './protocol/writer.ts';
import type { TranscriptListener } from './transcript.ts';

export type { ImapLimits } from './imap-limits.ts';

/** How often idle sessions are looked for; each check reads the server's clock. */
const IDLE_SWEEP_MS = 1000;

export interface ImapServerOptions {
  readonly store: MailStore;
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Defaults to 0: any free port, read back from listen() or `port`. */
  readonly port?: number;
  /** Every line of every session, passwords redacted. */
  readonly onLine?: TranscriptListener;
  /**
   * Whether anyone wants the server's lines now; when it says no, responses are not decoded into
   * lines at all (a FETCH of a large folder writes millions). Always yes when absent.
   */
  readonly wantsServerLines?: () => boolean;
  readonly limits?: Partial<ImapLimits>;
  /** Told of server bugs; the client only ever sees `BAD Internal server error`. Defaults to console.error. */
  readonly onInternalError?: (error: unknown) => void;
  /** A key and certificate: STARTTLS is offered (or, with `implicitTls`, every connection is TLS). */
  readonly tls?: TlsCredentials;
  /** LOGINDISABLED until STARTTLS: LOGIN and AUTHENTICATE get NO [PRIVACYREQUIRED]. Needs `tls`. */
  readonly requireTls?: boolean;
  /** TLS from the first byte, like port 993 (RFC 8314 §3.2). Needs `tls`. */
  readonly implicitTls?: boolean;
  /** Connection ids, when several servers share one transcript (the default counts from 1). */
  readonly nextConnectionId?: () => number;
  /** Told of each new connection before its greeting, with the client's address and port. */
  readonly onConnection?: (connection: { readonly connectionId: number; readonly remote: string }) => void;
  /** Told when a connection is over, whatever ended it. */
  readonly onDisconnect?: (connectionId: number) => void;
  /** Scripted faults (drops, failed commands, slow replies), consulted on every connection. */
  readonly faults?: FaultPlan;
  /** Told of every scripted fault that fired, with the connection it fired on. */
  readonly onFault?: (connectionId: number, event: FaultEvent) => void;
}

export interface ImapEndpoint {
  readonly host: string;
  readonly port: number;
}

/**
 * An IMAP4rev1 server (RFC 3501) over the in-memory mail store on loopback: plain TCP with
 * STARTTLS when given a certificate, or TLS from the first byte (implicitTls).
 */
export class ImapServer {
  private readonly options: ImapServerOptions;
  private readonly limits: ImapLimits;
  private readonly server: Server;
  private readonly connections = new Set<ImapConnection>();
  private nextConnectionId = 1;
  private endpoint: ImapEndpoint | undefined;
  private readonly secureContext: SecureContext | undefined;
  private idleSweep: NodeJS.Timeout | undefined;

  constructor(options: ImapServerOptions) {
    this.options = options;
    this.limits = { ...DEFAULT_IMAP_LIMITS, ...options.limits };
    if (!options.tls && (options.requireTls || options.implicitTls)) throw new Error('requireTls and implicitTls need a TLS key and certificate (the tls option)');
    this.secureContext = options.tls ? createSecureContext({ key: options.tls.key, cert: options.tls.cert }) : undefined;
    this.server = options.implicitTls && this.secureContext
      ? createTlsServer({ key: options.tls?.key, cert: options.tls?.cert }, (socket) => this.accept(socket))
      : createServer((socket) => this.accept(socket));
    // A client that fails the handshake concerns that client only.
    this.server.on('tlsClientError', () => undefined);
    // After listen() succeeded, an accept failure (e.g. too many open files) must not crash.
    this.server.on('error', (error) => {
      if (this.endpoint) this.reportInternalError(error);
    });
  }

  listen(): Promise<ImapEndpoint> {
    const host = this.options.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off('error', onError);
        const address = this.server.address() as AddressInfo;
        this.endpoint = { host, port: address.port };
        // Real time only says when to look; whether a session is idle is read off the
        // server's clock, so a virtual clock that stands still ends nothing.
        this.idleSweep = setInterval(() => this.expireIdleSessions(), IDLE_SWEEP_MS);
        this.idleSweep.unref();
        resolve(this.endpoint);
      });
    });
  }

  get port(): number {
    if (!this.endpoint) throw new Error('The IMAP server is not listening');
    return this.endpoint.port;
  }

  /** Stops listening and drops every open connection, so nothing is left to wait for. */
  async close(): Promise<void> {
    const closed = this.server.listening ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    clearInterval(this.idleSweep);
    for (const connection of this.connections) connection.destroy();
    this.connections.clear();
    this.endpoint = undefined;
    await closed;
  }

  /** Every open session hears `* BYE text` and is closed, in good order (RFC 3501 §7.1.5). */
  byeAll(text: string): void {
    for (const connection of this.connections) connection.bye(text);
  }

  /**
   * Ends every session idle past its limit by the server's clock (RFC 3501 §5.4 autologout),
   * with `* BYE`. Runs every second by itself; after moving a virtual clock forward a test may
   * call it to have the effect at once. Returns how many sessions it ended.
   */
  expireIdleSessions(): number {
    const now = this.options.store.clock().getTime();
    let ended = 0;
    for (const connection of this.connections) if (connection.expireIfIdle(now)) ended += 1;
    return ended;
  }

  /** Sessions open now. */
  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(socket: Socket): void {
    const id = this.options.nextConnectionId?.() ?? this.nextConnectionId++;
    const address = socket.remoteAddress ?? '?';
    const remote = `${address}:${socket.remotePort ?? 0}`;
    try {
      this.options.onConnection?.({ connectionId: id, remote });
    } catch (error) {
      this.reportInternalError(error);
    }
    const refusal = this.connectionCapRefusal(address);
    if (refusal) {
      this.refuse(socket, id, refusal);
      return;
    }
    const faults = this.options.faults;
    const connection = new ImapConnection(socket, {
      id,
      store: this.options.store,
      limits: this.limits,
      clock: this.options.store.clock,
      address,
      onLine: this.options.onLine,
      ...(this.options.wantsServerLines ? { wantsServerLines: this.options.wantsServerLines } : {}),
      onInternalError: (error) => this.reportInternalError(error),
      onClose: () => {
        this.connections.delete(connection);
        this.tellDisconnected(id);
      },
      ...(this.secureContext ? { tls: { context: this.secureContext, requireTls: this.options.requireTls ?? false } } : {}),
      encrypted: this.options.implicitTls === true,
      ...(faults ? { faults: { plan: faults, report: (connectionId: number, event: FaultEvent) => this.options.onFault?.(connectionId, event) } } : {}),
    });
    this.connections.add(connection);
  }

  /**
   * Too many connections in all or from this address: the reason, else undefined. Dovecot
   * words it "Maximum number of connections from user+IP exceeded"; UNAVAILABLE is RFC 5530's
   * code for a server that cannot serve now, and BYE in the greeting's place is RFC 3501 §7.1.5.
   */
  private connectionCapRefusal(address: string): string | undefined {
    if (this.connections.size >= this.limits.maxConnections) return `[UNAVAILABLE] Too many connections to this server (limit ${this.limits.maxConnections}), try again later`;
    let fromAddress = 0;
    for (const connection of this.connections) if (connection.address === address) fromAddress += 1;
    if (fromAddress >= this.limits.maxConnectionsPerAddress) return `[UNAVAILABLE] Too many connections from ${address} (limit ${this.limits.maxConnectionsPerAddress}), try again later`;
    return undefined;
  }

  private refuse(socket: Socket, connectionId: number, text: string): void {
    const line = statusLine('*', 'BYE', text);
    try {
      this.options.onLine?.({ connectionId, direction: 'server', line: line.toString('utf8').replace(/\r\n$/, '') });
    } catch (error) {
      this.reportInternalError(error);
    }
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.tellDisconnected(connectionId));
    socket.end(line);
  }

  private tellDisconnected(connectionId: number): void {
    try {
      this.options.onDisconnect?.(connectionId);
    } catch (error) {
      this.reportInternalError(error);
    }
  }

  private reportInternalError(error: unknown): void {
    (this.options.onInternalError ?? ((e: unknown) => console.error('IMAP server internal error:', e)))(error);
  }
}
