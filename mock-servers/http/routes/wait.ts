import { allMessages } from '../../embedded/wait-for-messages.ts';
import type { MessageSummary } from '../../embedded/message-summary.ts';
import { canonicalName } from '../../store/index.ts';
import type { ApiContext } from '../api-context.ts';
import { HttpProblem } from '../problem.ts';
import { containsIgnoringCase, duration, optionalText, wholeNumber } from '../query.ts';
import { json, type Reply, type Route } from '../router.ts';
import { summariseOutbound, summariseStored, type MessageListItem, type OutboundListItem } from '../views.ts';

/**
 * `GET /api/v1/wait?to=&from=&subject=&folder=&count=&timeout=`: answers as soon as `count`
 * messages match (those already stored count), driven by the store's change events as
 * `waitForMessages` is, never by polling. `to` is a recipient or the account; `subject` a
 * case-insensitive part of the subject. Past the timeout: 408 with what was found.
 * `in=outbox` waits for mail to other domains instead (`to` is then one of its recipients),
 * driven by SMTP deliveries.
 */
export function waitRoutes({ control }: ApiContext): Route[] {
  const { store } = control;
  return [{
    method: 'GET',
    pattern: '/api/v1/wait',
    handle: ({ query, gone }) => {
      const to = optionalText(query, 'to');
      const from = optionalText(query, 'from');
      const subject = optionalText(query, 'subject');
      const folder = optionalText(query, 'folder');
      const count = wholeNumber(query, 'count', { min: 1, max: 100_000, fallback: 1 });
      const timeoutMs = duration(query, 'timeout', { maxMs: 600_000, fallbackMs: 5000 });
      const where = query.get('in') ?? 'mailboxes';
      const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
      const want = { count, timeoutMs, gone };
      if (where === 'outbox') {
        const accepts = (m: OutboundListItem) => containsIgnoringCase(m.subject, subject)
          && (to === undefined || m.recipients.some((r) => same(r, to)))
          && (from === undefined || same(m.mailFrom, from));
        return waitFor({
          ...want,
          found: () => control.outbox.messages.map(summariseOutbound).filter(accepts),
          subscribe: (listener) => control.onDelivery(listener),
          describe: (m) => `"${m.subject}" to ${m.recipients.join(', ')}`,
          what: 'outbound message(s)',
        });
      }
      if (where !== 'mailboxes') throw new HttpProblem(400, 'REQUEST.INVALID_QUERY', `in must be mailboxes or outbox, not "${where}"`, { parameter: 'in' });
      const accepts = (m: MessageSummary) => containsIgnoringCase(m.subject, subject)
        && (to === undefined || same(m.account, to) || m.to.some((address) => same(address, to)))
        && (from === undefined || m.from.some((address) => same(address, from)))
        && (folder === undefined || canonicalName(m.folder) === canonicalName(folder));
      const view = (m: MessageSummary): MessageListItem => {
        const account = store.requireAccount(m.account);
        const box = account.folder(m.folder)!;
        return summariseStored(account, box, box.messages.find((message) => message.uid === m.uid)!);
      };
      return waitFor({
        ...want,
        found: () => allMessages(store).filter(accepts).map(view),
        subscribe: (listener) => store.onChange(listener),
        describe: (m) => `"${m.subject}" in ${m.account}/${m.folder}`,
        what: 'message(s)',
      });
    },
  }];
}

interface Wait<T> {
  readonly count: number;
  readonly timeoutMs: number;
  /** The client went away: stop waiting. */
  readonly gone: AbortSignal;
  readonly found: () => T[];
  /** Calls back on every change that could make more match; returns how to stop. */
  readonly subscribe: (listener: () => void) => () => void;
  readonly describe: (item: T) => string;
  readonly what: string;
}

async function waitFor<T>(wait: Wait<T>): Promise<Reply> {
  const done = await new Promise<T[] | undefined>((resolve) => {
    const now = wait.found();
    if (now.length >= wait.count) return resolve(now);
    const finish = (result: T[] | undefined) => {
      clearTimeout(timer);
      stop();
      wait.gone.removeEventListener('abort', abandon);
      resolve(result);
    };
    const timer = setTimeout(() => finish(undefined), wait.timeoutMs);
    const stop = wait.subscribe(() => {
      const current = wait.found();
      if (current.length >= wait.count) finish(current);
    });
    const abandon = () => finish([]);
    wait.gone.addEventListener('abort', abandon);
  });
  if (done) return json(200, { count: done.length, messages: done });
  const seen = wait.found();
  const listed = seen.length ? `: ${seen.map(wait.describe).join(', ')}` : '';
  throw new HttpProblem(408, 'WAIT.TIMEOUT', `Waited ${wait.timeoutMs} ms for ${wait.count} matching ${wait.what}, found ${seen.length}${listed}`, { expected: wait.count, found: seen });
}
