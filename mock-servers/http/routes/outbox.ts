import type { OutboundMessage } from '../../smtp/index.ts';
import type { ApiContext } from '../api-context.ts';
import { HttpProblem } from '../problem.ts';
import { containsIgnoringCase, optionalText } from '../query.ts';
import { readableOf } from '../readable-cache.ts';
import { json, type Route } from '../router.ts';
import { readableView, summariseOutbound } from '../views.ts';
import { attachmentReply, rawReply } from './messages.ts';

/** Mail the server accepted for domains it does not host: what left "the system". */
export function outboxRoutes({ control }: ApiContext): Route[] {
  const find = (idText: string): OutboundMessage => {
    const found = control.outbox.messages.find((message) => String(message.id) === idText);
    if (found) return found;
    const ids = control.outbox.messages.map((message) => message.id);
    throw new HttpProblem(404, 'OUTBOX.NOT_FOUND', `No outbound message ${idText}; ids: ${ids.join(', ') || 'none (the outbox is empty)'}`, { ids });
  };
  return [
    {
      method: 'GET',
      pattern: '/api/v1/outbox',
      handle: ({ query }) => {
        const to = optionalText(query, 'to');
        const subject = optionalText(query, 'subject');
        const messages = [...control.outbox.messages].reverse().map(summariseOutbound)
          .filter((item) => containsIgnoringCase(item.subject, subject) && (to === undefined || item.recipients.some((r) => containsIgnoringCase(r, to))));
        return json(200, { total: messages.length, messages });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/outbox/{id}',
      handle: async ({ params }) => {
        const message = find(params.id!);
        const url = `/api/v1/outbox/${message.id}`;
        const readable = await readableOf(message.raw);
        return json(200, { ...summariseOutbound(message), ...readableView(readable, (index) => `${url}/attachments/${index}`), rawUrl: `${url}/raw` });
      },
    },
    { method: 'GET', pattern: '/api/v1/outbox/{id}/raw', handle: (request) => rawReply(find(request.params.id!).raw, `outbox-${request.params.id}.eml`, request) },
    { method: 'GET', pattern: '/api/v1/outbox/{id}/attachments/{index}', handle: ({ params }) => attachmentReply(find(params.id!).raw, params.index!) },
  ];
}
