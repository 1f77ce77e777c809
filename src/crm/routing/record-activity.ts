import type { ActivityStore } from '../activities/activity-store.ts';
import { NO_SUBJECT, type EmailActivity, type EmailDirection } from '../activities/email-activity.ts';
import { normaliseMessageId } from '../activities/message-id.ts';
import type { Clock } from '../ids.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import type { ConnectedMailbox } from '../mailboxes/connected-mailbox.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';
import type { Timelines } from '../timeline/timeline.ts';

export interface RecordDeps {
  readonly clock: Clock;
  readonly items: ItemStore;
  readonly activities: ActivityStore;
  readonly timelines: Timelines;
}

export interface RecordInput {
  readonly mailbox: ConnectedMailbox;
  readonly message: MailboxMessage;
  readonly direction: EmailDirection;
  /** Sorted, owner first (R4.1). */
  readonly bindings: readonly ItemRef[];
  readonly savedById?: number;
  readonly parentId?: number;
}

/**
 * Writes the e-mail activity and its timeline entries on every bound item. Incoming mail is
 * planned unless it was read before the sync saw it (R4.2, R5.4); mail found in Sent is
 * outgoing, and completed (reference §1.7 rule 40).
 */
export function recordActivity(deps: RecordDeps, input: RecordInput): EmailActivity {
  const { mailbox, message, bindings } = input;
  const [owner] = bindings;
  if (!owner) throw new Error('An e-mail is saved only with a binding');
  const now = deps.clock();
  const completed = input.direction === 'outgoing' || message.seen;
  const activity = deps.activities.add({
    direction: input.direction,
    subject: message.subject.trim() === '' ? NO_SUBJECT : message.subject,
    from: message.from,
    to: message.to,
    cc: message.cc,
    ...(message.messageId !== undefined && { messageId: message.messageId }),
    ...(message.contentDigest !== undefined && { contentDigest: message.contentDigest }),
    ...(message.inReplyTo !== undefined && { inReplyTo: message.inReplyTo }),
    ...(message.references !== undefined && message.references.length > 0 && { references: message.references }),
    ...(input.parentId !== undefined && { parentId: input.parentId }),
    bindings,
    responsibleId: deps.items.item(owner).responsibleId, // R4.1
    authorId: mailbox.connectorId, // R4.2
    ...(input.savedById !== undefined && { savedById: input.savedById }),
    completed,
    ...(completed && { completedAt: now }),
    createdAt: now, // R5.2
    receivedAt: message.receivedAt, // R5.1
    ...(message.date !== undefined && { sentAt: message.date }),
    mailboxId: mailbox.id,
    mailboxMessageId: message.id,
  }, message); // its text and HTML: the message's own stored copy (stored-bodies.ts)
  for (const ref of bindings) {
    deps.timelines.add(ref, { kind: 'activity', at: now, activityId: activity.id });
    // R4.2: the system entry carries the avatar of the employee who connected the mailbox.
    deps.timelines.add(ref, { kind: 'system', at: now, title: 'New e-mail', authorId: mailbox.connectorId, activityId: activity.id });
  }
  adoptEarlierReplies(deps.activities, activity);
  return activity;
}

/**
 * A reply can reach the CRM before the message it answers (another mailbox, a later sync):
 * once the parent arrives, the earlier replies join its thread (reference §1.5 rule 31).
 */
function adoptEarlierReplies(activities: ActivityStore, parent: EmailActivity): void {
  if (normaliseMessageId(parent.messageId) === undefined) return;
  for (const reply of activities.repliesTo(parent.messageId)) {
    if (reply.id !== parent.id && reply.parentId === undefined) activities.update(reply.id, { parentId: parent.id });
  }
}
