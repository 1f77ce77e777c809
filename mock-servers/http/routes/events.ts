import type { ApiContext } from '../api-context.ts';
import type { Route } from '../router.ts';

/**
 * `GET /api/v1/events`: Server-Sent Events (HTML Living Standard §9.2) for every change of the
 * mail: `message-added`, `messages-expunged`, `flags-changed`, folder changes, `outbox-added`,
 * `account-created`, `faults-changed`, `reset`, `restored`. Each has an `id` and JSON `data`.
 * Nothing is replayed on reconnection: a client reloads its lists when the stream opens.
 */
export function eventRoutes({ events }: ApiContext, streams: Set<() => void>): Route[] {
  return [{
    method: 'GET',
    pattern: '/api/v1/events',
    handle: ({ response, incoming }) => {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      // A first line at once, so the client knows the stream is open before any mail moves.
      response.write('retry: 1000\n: connected\n\n');
      const unsubscribe = events.subscribe((event) => {
        response.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      });
      const end = () => {
        unsubscribe();
        streams.delete(end);
        response.end();
      };
      streams.add(end);
      incoming.on('close', end);
      return { kind: 'taken' };
    },
  }];
}
