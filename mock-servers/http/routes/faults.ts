import type { ApiContext } from '../api-context.ts';
import { HttpProblem } from '../problem.ts';
import { empty, json, type Route } from '../router.ts';

/**
 * The scripted faults in force, with the same specs as `--fault`. POST takes one spec as
 * `{ "spec": "throttle:after=3" }`, several as `{ "specs": [...] }` (all or none are added),
 * or the spec as a text/plain body.
 */
export function faultRoutes({ faults, events }: ApiContext): Route[] {
  const changed = () => events.emit('faults-changed', { faults: faults.list().map(({ id, spec, description }) => ({ id, spec, description })) });
  return [
    { method: 'GET', pattern: '/api/v1/faults', handle: () => json(200, faults.list()) },
    {
      method: 'POST',
      pattern: '/api/v1/faults',
      handle: async (request) => {
        const specs = await readSpecs(await request.body(), request.headers['content-type']);
        const added = faults.addAll(specs);
        changed();
        return json(201, added);
      },
    },
    {
      method: 'DELETE',
      pattern: '/api/v1/faults',
      handle: () => {
        faults.clear();
        changed();
        return empty(204);
      },
    },
    {
      method: 'DELETE',
      pattern: '/api/v1/faults/{id}',
      handle: ({ params }) => {
        faults.remove(params.id!);
        changed();
        return empty(204);
      },
    },
  ];
}

async function readSpecs(body: Buffer, contentType: string | undefined): Promise<string[]> {
  const text = body.toString('utf8').trim();
  if (!/json/i.test(contentType ?? '') && !text.startsWith('{')) {
    if (text === '') throw new HttpProblem(400, 'REQUEST.INVALID_BODY', 'Send a fault spec (throttle:after=3) or {"spec": "..."}');
    return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'REQUEST.INVALID_BODY', `The body must be {"spec": "..."} or {"specs": [...]}: ${(error as Error).message}`);
  }
  const object = (typeof value === 'object' && value !== null ? value : {}) as { spec?: unknown; specs?: unknown };
  const specs = typeof object.spec === 'string' ? [object.spec] : object.specs;
  if (!Array.isArray(specs) || specs.length === 0 || !specs.every((spec): spec is string => typeof spec === 'string')) {
    throw new HttpProblem(400, 'REQUEST.INVALID_BODY', 'The body must be {"spec": "kind:key=value,..."} or {"specs": ["...", "..."]}');
  }
  return specs;
}
