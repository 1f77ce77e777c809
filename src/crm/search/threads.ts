import type { EmailActivity } from '../activities/email-activity.ts';

/** One e-mail of an item's correspondence with the replies to it, each in time order (R9.1). */
export interface EmailThread {
  readonly activity: EmailActivity;
  readonly replies: readonly EmailThread[];
}

/** Oldest first by the time the e-mail entered the CRM (R5.2); ties in the order they entered. */
export function byTime(a: EmailActivity, b: EmailActivity): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

/**
 * The parent of a reply among `candidates`: the e-mail its In-Reply-To names, else the latest of its
 * References that is there (RFC 5322 §3.6.4). A reply whose parent is not among them (not bound to
 * this item, or hidden from the reader) starts a thread of its own.
 */
export function parentOf(activity: EmailActivity, byMessageId: ReadonlyMap<string, EmailActivity>): EmailActivity | undefined {
  const ids = [activity.inReplyTo, ...[...(activity.references ?? [])].reverse()];
  for (const id of ids) {
    const parent = id === undefined ? undefined : byMessageId.get(id);
    if (parent && parent.id !== activity.id) return parent;
  }
  return undefined;
}

/**
 * Threads the e-mails: replies under their parent, threads and replies in time order (R9.1).
 * A parent is always older than its reply here, so a malformed header chain cannot make a cycle.
 */
export function buildThreads(activities: readonly EmailActivity[]): EmailThread[] {
  const sorted = [...activities].sort(byTime);
  const byMessageId = new Map<string, EmailActivity>();
  const children = new Map<number, EmailActivity[]>();
  const roots: EmailActivity[] = [];
  for (const activity of sorted) {
    const parent = parentOf(activity, byMessageId);
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), activity]);
    else roots.push(activity);
    if (activity.messageId !== undefined && !byMessageId.has(activity.messageId)) byMessageId.set(activity.messageId, activity);
  }
  const thread = (activity: EmailActivity): EmailThread => ({ activity, replies: (children.get(activity.id) ?? []).map(thread) });
  return roots.map(thread);
}

/** The threads flattened in reading order, each e-mail with its depth: how a form lists them. */
export function flattenThreads(threads: readonly EmailThread[], depth = 0): Array<{ activity: EmailActivity; depth: number }> {
  return threads.flatMap((t) => [{ activity: t.activity, depth }, ...flattenThreads(t.replies, depth + 1)]);
}
