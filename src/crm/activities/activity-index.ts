import type { EmailActivity } from './email-activity.ts';
import { normaliseMessageId } from './message-id.ts';

/**
 * Activities under a key computed from each one, as positions in the activity store's order.
 * The store answered "the first activity that…" by reading them all in that order; here the
 * first position under the key is that same activity, found without reading the others.
 * Positions are kept sorted, so an activity whose key changes later (a sent e-mail gets its
 * Message-ID once it has an id) still sits where the scan would meet it.
 */
export class ActivityIndex {
  private readonly positions = new Map<string, number[]>();
  private readonly keyOf: (activity: EmailActivity) => string | undefined;

  constructor(keyOf: (activity: EmailActivity) => string | undefined) {
    this.keyOf = keyOf;
  }

  /** Files the record now at `position`; `before` is the record it replaced, if any. */
  set(position: number, before: EmailActivity | undefined, after: EmailActivity): void {
    const old = before === undefined ? undefined : this.keyOf(before);
    const key = this.keyOf(after);
    if (before !== undefined && old === key) return;
    if (old !== undefined) this.remove(old, position);
    if (key !== undefined) this.insert(key, position);
  }

  /** The position of the first activity under the key, in store order. */
  first(key: string | undefined): number | undefined {
    return key === undefined ? undefined : this.positions.get(key)?.[0];
  }

  /** The positions of every activity under the key, in store order. */
  all(key: string | undefined): readonly number[] {
    return (key === undefined ? undefined : this.positions.get(key)) ?? [];
  }

  private insert(key: string, position: number): void {
    const list = this.positions.get(key);
    if (!list) {
      this.positions.set(key, [position]);
      return;
    }
    // New activities come last, so this is nearly always a push.
    const at = list[list.length - 1]! < position ? list.length : lowerBound(list, position);
    if (list[at] !== position) list.splice(at, 0, position);
  }

  private remove(key: string, position: number): void {
    const list = this.positions.get(key);
    if (!list) return;
    const at = lowerBound(list, position);
    if (list[at] === position) list.splice(at, 1);
    if (list.length === 0) this.positions.delete(key);
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Message-ID → activity (RFC 5322 §3.6.4; compared without brackets and case): one e-mail is saved once (R1.5). */
export const byMessageId = (a: EmailActivity): string | undefined => normaliseMessageId(a.messageId);

/** In-Reply-To → replies: a reply that came before its parent joins the thread when the parent does (reference §1.5 rule 31). */
export const byInReplyTo = (a: EmailActivity): string | undefined => normaliseMessageId(a.inReplyTo);

/** The Webmail entry an activity was saved from. */
export const byMailboxMessage = (a: EmailActivity): string | undefined =>
  a.mailboxId === undefined || a.mailboxMessageId === undefined ? undefined : mailboxMessageKey(a.mailboxId, a.mailboxMessageId);

export function mailboxMessageKey(mailboxId: number, mailboxMessageId: number): string {
  return `${mailboxId}:${mailboxMessageId}`;
}

/** The raw bytes' digest of an activity without a Message-ID: what identifies such a message (R1.5). */
export const byDigestWithoutMessageId = (a: EmailActivity): string | undefined => (byMessageId(a) === undefined ? a.contentDigest : undefined);
