import type { ApiContext } from '../api-context.ts';
import { empty, json, type Route } from '../router.ts';

/** Reset, and snapshots to go back to: the same as `reset()`, `snapshot()` and `restore()` in code. */
export function stateRoutes({ control, snapshots, events }: ApiContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/api/v1/reset',
      handle: () => {
        control.reset();
        events.emit('reset', {});
        return empty(204);
      },
    },
    { method: 'GET', pattern: '/api/v1/snapshots', handle: () => json(200, snapshots.list()) },
    {
      method: 'POST',
      pattern: '/api/v1/snapshots',
      handle: () => {
        const view = snapshots.put(control.snapshot(), control.store.clock());
        return json(201, view, { location: `/api/v1/snapshots/${view.id}` });
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/snapshots/{id}/restore',
      handle: ({ params }) => {
        control.restore(snapshots.take(params.id!));
        events.emit('restored', { snapshot: params.id! });
        return empty(204);
      },
    },
    {
      method: 'DELETE',
      pattern: '/api/v1/snapshots/{id}',
      handle: ({ params }) => {
        snapshots.delete(params.id!);
        return empty(204);
      },
    },
  ];
}
