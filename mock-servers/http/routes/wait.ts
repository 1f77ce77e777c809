import { allMessages } from '../../embedded/wait-for-messages.ts';
import type { MessageSummary } from '../../embedded/message-summary.ts';
import { canonicalName } from '../../store/index.ts';
import type { ApiContext } from '../api-context.ts';
import { HttpProblem } from '../problem.ts';
import { containsIgnoringCase, duration, optionalText, wholeNumber } from '../query.ts';
import { json, type Route } from '../router.ts';
import { summariseOutbound, summariseStored, type OutboundListItem } from '../views.ts';

/**
 * `GET /api/v1/wait?to=&from=&subject=&folder=&count=&timeout=`: answers as soon as `count`
 * messages match (those already stored count), driven by the store's change events as
 * `waitForMessages` is, never by polling. `to` is a recipient or the account; `subject` a
 * case-insensitive part of the subject. Past the timeout: 408 with what was found.
 * `in=outbox` waits for mail to other domains instead (`to` is then one of its recipients).
 */
export function waitRoutes({ control }: ApiContext): Route[] {
  const { store } = control;
  return [{
    method: 'GET',
    pattern: '/api/v1/wait',
    handle: async ({ query, gone }) => {
      const to = optionalText(query, 'to');
      const from = optionalText(query, 'from');
      const subject = optionalText(query, 'subject');
      const folder = optionalText(query, 'folder');
      const count = wholeNumber(query, 'count', { min: 1, max: 100_000, fallback: 1 });
      const timeoutMs = duration(query, 'timeout', { maxMs: 600_000, fallbackMs: 5000 });
      const where = query.get('in') ?? 'mailboxes';
      if (where !== 'mailboxes' && where !== 'outbox') throw new HttpProblem(400, 'REQUEST.INVALID_QUERY', `in must be mailboxes or outbox, not "${where}"`, { parameter: 'in' });
      if (where === 'outbox') return waitForOutbound(control, { to, from, subject, count, timeoutMs }, gone);
      const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
      const accepts = (m: MessageSummary) => containsIgnoringCase(m.subject, subject)
        && (to === undefined || same(m.account, to) || m.to.some((address) => same(address, to)))
        && (from === undefined || m.from.some((address) => same(address, from)))
        && (folder === undefined || canonicalName(m.folder) === canonicalName(folder));
      const found = () => allMessages(store).filter(accepts);
      const view = (list: MessageSummary[]) => list.map((m) => {
        const account = store.account(m.account)!;
        const box = account.folder(m.folder)!;
        return summariseStored(account, box, box.messages.find((message) => message.uid === m.uid)!);
      });
      const done = await new Promise<MessageSummary[] | undefined>((resolve) => {
        const now = found();
        if (now.length >= count) return resolve(now);
        const finish = (result: MessageSummary[] | undefined) => {
          clearTimeout(timer);
          stop();
          gone.removeEventListener('abort', abandon);
          resolve(result);
        };
        const timer = setTimeout(() => finish(undefined), timeoutMs);
        const stop = store.onChange(() => {
          const current = found();
          if (current.length >= count) finish(current);
        });
        const abandon = () => finish([]);
        gone.addEventListener('abort', abandon);
      });
      if (done) return json(200, { count: done.length, messages: view(done) });
      const seen = found();
      throw new HttpProblem(408, 'WAIT.TIMEOUT', `Waited ${timeoutMs} ms for ${count} matching message(s), found ${seen.length}${seen.length ? `: ${seen.map((m) => `"${m.subject}" in ${m.account}/${m.folder}`).join(', ')}` : ''}`, {
        expected: count,
        found: view(seen),
      });
    },
  }];
}

/** The same wait over the outbox, driven by SMTP deliveries to other domains. */
async function waitForOutbound(
  control: ApiContext['control'],
  want: { to: string | undefined; from: string | undefined; subject: string | undefined; count: number; timeoutMs: number },
  gone: AbortSignal,
) {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const accepts = (m: OutboundListItem) => containsIgnoringCase(m.subject, want.subject)
    && (want.to === undefined || m.recipients.some((r) => same(r, want.to!)))
    && (want.from === undefined || same(m.mailFrom, want.from));
  const found = () => control.outbox.messages.map(summariseOutbound).filter(accepts);
  const done = await new Promise<OutboundListItem[] | undefined>((resolve) => {
    const now = found();
    if (now.length >= want.count) return resolve(now);
    const finish = (result: OutboundListItem[] | undefined) => {
      clearTimeout(timer);
      stop();
      gone.removeEventListener('abort', abandon);
      resolve(result);
    };
    const timer = setTimeout(() => finish(undefined), want.timeoutMs);
    const stop = control.onDelivery(() => {
      const current = found();
      if (current.length >= want.count) finish(current);
    });
    const abandon = () => finish([]);
    gone.addEventListener('abort', abandon);
  });
  if (done) return json(200, { count: done.length, messages: done });
  const seen = found();
  throw new HttpProblem(408, 'WAIT.TIMEOUT', `Waited ${want.timeoutMs} ms for ${want.count} matching outbound message(s), found ${seen.length}${seen.length ? `: ${seen.map((m) => `"${m.subject}" to ${m.recipients.join(', ')}`).join('; ')}` : ''}`, {
    expected: want.count,
    found: seen,
  });
}
