import type { Socket } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { askPlan, type FaultEvent, type FaultPlan } from '../faults/index.ts';

/**
 * What this server needs of one of smtp-server's connections. `_onCommand` is where every
 * command line arrives (one at a time: the parser waits for its callback), so wrapping it is
 * the one place a fault can hold a reply back or hang up before a command is answered.
 * smtp-server's version is pinned by the lock file; the hook tests fail if this shape changes.
 */
interface HookableConnection {
  readonly id: string;
  _socket: Socket;
  _onCommand(command: Buffer, callback?: () => void): void;
  send(code: number, data?: unknown, context?: unknown): void;
}

/** A reply text that already starts with its enhanced status code (RFC 3463), e.g. `4.7.1 …`. */
const OWN_ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3} /;

interface HookableServer {
  readonly connections: Set<HookableConnection>;
  connect(socket: Socket, socketOptions?: Record<string, unknown> | null): void;
}

export interface ConnectionHookOptions {
  /** Our id for the next connection: one sequence with IMAP, so transcripts never clash. */
  readonly nextConnectionId: () => number;
  readonly onConnection: (connectionId: number, remote: string) => void;
  readonly onClosed?: (connectionId: number) => void;
  readonly faults: FaultPlan | undefined;
  readonly onFault: (connectionId: number, event: FaultEvent) => void;
}

/**
 * Gives every connection of the server our id (smtp-server uses it as the session id and in
 * its log lines, so transcripts match) and, with a fault plan, applies the per-command faults:
 * slow replies (each command is handled that much later) and drop-after-commands (the
 * connection is closed without a reply when its N+1th command line arrives).
 */
export function hookConnections(smtpServer: SMTPServer, options: ConnectionHookOptions): void {
  const server = smtpServer as unknown as HookableServer;
  const connect = server.connect.bind(server);
  server.connect = (socket, socketOptions) => {
    const connectionId = options.nextConnectionId();
    options.onConnection(connectionId, `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`);
    socket.once('close', () => options.onClosed?.(connectionId));
    connect(socket, { ...(socketOptions ?? {}), id: String(connectionId) });
    const connection = [...server.connections].find((c) => c.id === String(connectionId));
    // Should smtp-server's insides ever change shape, the connection runs unhooked rather than
    // crash the accept callback; the fault tests then fail and say so.
    if (!connection || typeof connection._onCommand !== 'function' || typeof connection.send !== 'function') return;
    keepOwnEnhancedCodes(connection);
    if (options.faults) applyCommandFaults(connection, connectionId, options.faults, options.onFault);
  };
}

/**
 * smtp-server puts an enhanced status code of its own choosing in front of every reply text;
 * a reply that brings its own (greylisting's `451 4.7.1`, RFC 6647 §2.1) keeps that one alone.
 */
function keepOwnEnhancedCodes(connection: HookableConnection): void {
  const send = connection.send.bind(connection);
  connection.send = (code, data, context) => send(code, data, typeof data === 'string' && OWN_ENHANCED_CODE.test(data) ? false : context);
}

function applyCommandFaults(connection: HookableConnection, connectionId: number, plan: FaultPlan, onFault: ConnectionHookOptions['onFault']): void {
  const handle = connection._onCommand.bind(connection);
  let commands = 0;
  connection._onCommand = (command, callback) => {
    commands += 1;
    const { answer: drop, fired } = askPlan(plan, (p) => p.dropBeforeCommand('smtp', commands));
    for (const event of fired) onFault(connectionId, event);
    if (drop) {
      const socket = connection._socket;
      socket.end(() => socket.destroy());
      return;
    }
    const delay = plan.replyDelayMs('smtp');
    if (delay > 0) setTimeout(() => handle(command, callback), delay);
    else handle(command, callback);
  };
}
