import type { ApiContext } from '../api-context.ts';
import { OPENAPI_DOCUMENT } from '../openapi.ts';
import { HttpProblem } from '../problem.ts';
import { json, type Route } from '../router.ts';

/** Transcripts, readiness and the API's own description. */
export function aboutRoutes({ control }: ApiContext, isReady: () => boolean): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v1/transcripts',
      handle: ({ query }) => {
        const protocol = query.get('protocol');
        if (protocol !== null && protocol !== 'smtp' && protocol !== 'imap') {
          throw new HttpProblem(400, 'REQUEST.INVALID_QUERY', `protocol must be smtp or imap, not "${protocol}"`, { parameter: 'protocol' });
        }
        const transcripts = control.transcripts().filter((t) => protocol === null || t.protocol === protocol);
        return json(200, transcripts.map((t) => ({ ...t, lines: t.lines.map((line) => ({ ...line, at: line.at.toISOString() })) })));
      },
    },
    {
      method: 'GET',
      pattern: '/readyz',
      handle: () => {
        if (!isReady()) throw new HttpProblem(503, 'SERVER.NOT_READY', 'The mail server is starting or stopping');
        return json(200, { status: 'ready', listeners: control.addresses() });
      },
    },
    { method: 'GET', pattern: '/api/v1/openapi.json', handle: () => json(200, OPENAPI_DOCUMENT) },
  ];
}
