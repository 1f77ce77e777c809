import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from './api-context.ts';
import { ApiEvents } from './api-events.ts';
import { FaultRegistry } from './fault-registry.ts';
import type { MailServerControl } from './mail-server-control.ts';
import { HttpProblem } from './problem.ts';
import { matchRoute, type Reply, type Route, type RouteRequest } from './router.ts';
import { aboutRoutes } from './routes/about.ts';
import { accountRoutes } from './routes/accounts.ts';
import { eventRoutes } from './routes/events.ts';
import { faultRoutes } from './routes/faults.ts';
import { messageRoutes } from './routes/messages.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { pageRoutes } from './routes/page.ts';
import { stateRoutes } from './routes/state.ts';
import { waitRoutes } from './routes/wait.ts';
import { SnapshotShelf } from './snapshot-shelf.ts';

export interface MailHttpServerOptions {
  readonly control: MailServerControl;
  readonly host: string;
  /** 0 lets the system pick a free port. */
  readonly port: number;
}

/** Everything but the page answers with this: nothing a response holds can run or load. */
const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
} as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The mail server's HTTP listener: the JSON API under /api/v1 (openapi.ts describes it), the
 * page at /, Server-Sent Events, /readyz. On loopback it answers only requests addressed to a
 * loopback name (no DNS rebinding), and refuses changes sent from pages of other origins.
 */
export class MailHttpServer {
  private readonly server: Server;
  private readonly routes: readonly Route[];
  private readonly events: ApiEvents;
  private readonly streams = new Set<() => void>();
  private readonly options: MailHttpServerOptions;
  private listening = false;

  constructor(options: MailHttpServerOptions) {
    this.options = options;
    this.events = new ApiEvents(options.control);
    const faults = new FaultRegistry(options.control.faults);
    const context: ApiContext = { control: options.control, events: this.events, faults, snapshots: new SnapshotShelf() };
    this.routes = [
      ...pageRoutes(),
      ...accountRoutes(context),
      ...messageRoutes(context),
      ...outboxRoutes(context),
      ...waitRoutes(context),
      ...faultRoutes(context),
      ...stateRoutes(context),
      ...eventRoutes(context, this.streams),
      ...aboutRoutes(context, () => this.listening),
    ];
    this.server = createServer((incoming, response) => void this.handle(incoming, response));
  }

  listen(): Promise<{ port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        this.listening = true;
        resolve({ port: (this.server.address() as AddressInfo).port });
      });
    });
  }

  /** Ends the event streams and every connection, then stops listening. */
  close(): Promise<void> {
    this.listening = false;
    for (const end of [...this.streams]) end();
    this.events.close();
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://mail-server.invalid');
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    const gone = new AbortController();
    response.on('close', () => gone.abort());
    try {
      this.checkAddressedHere(incoming);
      const { route, params } = matchRoute(this.routes, incoming.method ?? 'GET', path);
      const request: RouteRequest = {
        method: incoming.method ?? 'GET',
        path,
        params,
        query: url.searchParams,
        headers: incoming.headers,
        body: () => readBody(incoming, this.options.control.maxMessageSize + 64 * 1024),
        incoming,
        response,
        gone: gone.signal,
      };
      const reply = await route.handle(request);
      if (reply.kind === 'taken') return;
      write(response, reply, incoming.method === 'HEAD');
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'SERVER.ERROR', 'The server failed to answer this request');
      if (!(error instanceof HttpProblem)) process.emitWarning(`mail-server HTTP: ${(error as Error)?.stack ?? String(error)}`);
      const body = JSON.stringify(problem.document(path));
      const allow = problem.code === 'HTTP.METHOD_NOT_ALLOWED' ? { allow: (problem.extensions.allowed as string[]).join(', ') } : {};
      response.writeHead(problem.status, { ...API_HEADERS, ...allow, 'content-type': 'application/problem+json' });
      response.end(incoming.method === 'HEAD' ? undefined : body);
    }
  }

  /**
   * DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends `Host: evil.example`.
   * Cross-site requests: a change (POST, DELETE) from another origin is refused; curl and test
   * code send no Origin at all.
   */
  private checkAddressedHere(incoming: IncomingMessage): void {
    const host = incoming.headers.host ?? '';
    const hostname = host.replace(/:\d+$/, '').toLowerCase();
    const loopbackOnly = LOOPBACK_HOSTS.has(this.options.host);
    if (loopbackOnly && !LOOPBACK_HOSTS.has(hostname)) {
      throw new HttpProblem(421, 'HTTP.MISDIRECTED', `This server answers requests for 127.0.0.1, localhost or [::1], not "${host}"`);
    }
    const origin = incoming.headers.origin;
    const changes = incoming.method !== 'GET' && incoming.method !== 'HEAD';
    if (changes && origin !== undefined && origin !== `http://${host}`) {
      throw new HttpProblem(403, 'HTTP.FORBIDDEN_ORIGIN', `Changes are taken from this server's own page or from clients without an Origin, not from ${origin}`);
    }
  }
}

function write(response: ServerResponse, reply: Exclude<Reply, { kind: 'taken' }>, headOnly: boolean): void {
  const extra = reply.headers ?? {};
  if (reply.kind === 'empty') {
    response.writeHead(reply.status, { ...API_HEADERS, ...extra });
    response.end();
    return;
  }
  const [body, type] = reply.kind === 'json'
    ? [Buffer.from(JSON.stringify(reply.value)), 'application/json; charset=utf-8']
    : [typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body, reply.contentType];
  response.writeHead(reply.status, { ...API_HEADERS, ...extra, 'content-type': type, 'content-length': body.length });
  response.end(headOnly ? undefined : body);
}

function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(incoming.headers['content-length']);
    if (declared > limit) return reject(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        incoming.removeAllListeners('data');
        incoming.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(413, 'REQUEST.TOO_LARGE', `The body is larger than ${limit} octets (the server's largest message, --max-message-size)`, { limit });
}
