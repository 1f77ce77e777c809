import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { HttpProblem } from './problem.ts';

/** What a route handler sees of a request: path parameters decoded, the body on demand. */
export interface RouteRequest {
  readonly method: string;
  /** The path as sent (still percent-encoded), for problem details' `instance`. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The whole body; a body over the limit is a 413 problem. */
  body(): Promise<Buffer>;
  /** For routes that stream (Server-Sent Events) and answer with `{ kind: 'taken' }`. */
  readonly incoming: IncomingMessage;
  readonly response: ServerResponse;
  /** Aborted when the client goes away, so a long wait can stop early. */
  readonly gone: AbortSignal;
}

/** A handler's answer, written by the server in one place. */
export type Reply =
  | { readonly kind: 'json'; readonly status: number; readonly value: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'bytes'; readonly status: number; readonly body: Buffer | string; readonly contentType: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: Readonly<Record<string, string>> }
  /** The handler wrote the response itself. */
  | { readonly kind: 'taken' };

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  /** Literal segments and `{name}` parameters: `/api/v1/accounts/{address}/folders/{folder}`. */
  readonly pattern: string;
  readonly handle: (request: RouteRequest) => Reply | Promise<Reply>;
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({ kind: 'json', status, value, ...(headers ? { headers } : {}) });
export const empty = (status = 204): Reply => ({ kind: 'empty', status });

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/**
 * Finds the route for a method and path. Segments are split before decoding, so a folder name
 * with a `/` travels as `%2F` (`Projects%2F2026`); a path that exists under another method is
 * a 405 naming the methods it has.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const allowed = new Set<string>();
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
    allowed.add(route.method);
  }
  if (allowed.size > 0) {
    throw new HttpProblem(405, 'HTTP.METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}; allowed: ${[...allowed].join(', ')}`, { allowed: [...allowed] });
  }
  throw new HttpProblem(404, 'HTTP.NOT_FOUND', `Nothing is served at ${path}; the API is described at /api/v1/openapi.json`);
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const segment = segments[index]!;
    if (part.startsWith('{') && part.endsWith('}')) {
      if (segment === '') return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
      params[part.slice(1, -1)] = decoded;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}
