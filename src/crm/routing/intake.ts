import type { ActivityStore } from '../activities/activity-store.ts';
import { NO_SUBJECT, type EmailActivity } from '../activities/email-activity.ts';
import type { Clock } from '../ids.ts';
import { sortBindings, type ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import type { ConnectedMailbox } from '../mailboxes/connected-mailbox.ts';
import type { Address, MailboxMessage } from '../mailboxes/mailbox-message.ts';
import type { MailboxRegistry } from '../mailboxes/mailbox-registry.ts';
import { findMatches } from '../matching/find-matches.ts';
import { senderCandidates } from '../matching/sender.ts';
import type { Timelines } from '../timeline/timeline.ts';
import { decideBinding } from './binding-decision.ts';
import { automaticSaveBlocker, manualSaveBlocker } from './gates.ts';
import { contactForNewSender, leadForNewSender } from './new-items.ts';
import type { IntakeOutcome, NotSavedOutcome, NotSavedReason } from './outcome.ts';

export interface IntakeDeps {
  readonly clock: Clock;
  readonly items: ItemStore;
  readonly activities: ActivityStore;
  readonly timelines: Timelines;
  readonly mailboxes: MailboxRegistry;
}

/**
 * Turns a mailbox message into an e-mail activity, or says why not. The sync and "Save to CRM"
 * share it; `savedById` (the employee who pressed the button) makes the save manual, which skips
 * the automatic gates (R3.2).
 */
export function saveMessage(deps: IntakeDeps, mailbox: ConnectedMailbox, message: MailboxMessage, savedById?: number): IntakeOutcome {
  const notSaved = (reason: NotSavedReason, activity?: EmailActivity): NotSavedOutcome => ({
    saved: false,
    reason,
    mailboxMessage: message,
    ...(activity && { activity }),
  });

  const existing = deps.activities.forMessage(mailbox.id, message.id, message.messageId);
  if (existing) return notSaved('already-saved', existing); // R1.5, R3.3

  const manual = savedById !== undefined;
  const blocker = (manual ? manualSaveBlocker : automaticSaveBlocker)(mailbox.settings, message.folder);
  if (blocker) return notSaved(blocker);

  const senders = senderCandidates(message);
  const [first, ...rest] = senders;
  if (!first) return notSaved('no-sender');

  const decision = decideBinding(
    findMatches(deps.items, senders.map((s) => s.address)),
    mailbox.settings.createForNewSender,
    manual,
  );
  if (decision.kind === 'not-saved') return notSaved(decision.reason);

  const created = decision.kind === 'create' ? [createItem(deps, mailbox, decision.entity, [first, ...rest], message.subject)] : [];
  const bindings = decision.kind === 'create' ? created : sortBindings(decision.bindings);
  const activity = recordActivity(deps, mailbox, message, bindings, savedById);
  return { saved: true, mailboxMessage: message, activity, created };
}

/** A lead or contact for a sender the CRM does not know (R2.7), for the next in the queue (R4.4). */
function createItem(
  deps: IntakeDeps,
  mailbox: ConnectedMailbox,
  entity: 'lead' | 'contact',
  senders: readonly [Address, ...Address[]],
  subject: string,
): ItemRef {
  const context = { senders, subject, leadSource: mailbox.settings.leadSource, responsibleId: deps.mailboxes.takeResponsible(mailbox.id) };
  return entity === 'lead'
    ? { type: 'lead', id: deps.items.add('lead', leadForNewSender(context)).id }
    : { type: 'contact', id: deps.items.add('contact', contactForNewSender(context)).id };
}

function recordActivity(
  deps: IntakeDeps,
  mailbox: ConnectedMailbox,
  message: MailboxMessage,
  bindings: readonly ItemRef[],
  savedById: number | undefined,
): EmailActivity {
  const [owner] = bindings;
  if (!owner) throw new Error('An e-mail is saved only with a binding');
  const now = deps.clock();
  const activity = deps.activities.add({
    direction: 'incoming',
    subject: message.subject.trim() === '' ? NO_SUBJECT : message.subject,
    from: message.from,
    to: message.to,
    cc: message.cc,
    ...(message.messageId !== undefined && { messageId: message.messageId }),
    ...(message.inReplyTo !== undefined && { inReplyTo: message.inReplyTo }),
    bindings,
    responsibleId: deps.items.item(owner).responsibleId, // R4.1
    authorId: mailbox.connectorId, // R4.2
    ...(savedById !== undefined && { savedById }),
    // R5.4: read before the sync saw it → completed; unread → planned (R4.2).
    completed: message.seen,
    ...(message.seen && { completedAt: now }),
    createdAt: now, // R5.2
    receivedAt: message.receivedAt, // R5.1
    ...(message.date !== undefined && { sentAt: message.date }),
    ...(message.text !== undefined && { text: message.text }),
    ...(message.html !== undefined && { html: message.html }),
    mailboxId: mailbox.id,
    mailboxMessageId: message.id,
  });
  for (const ref of bindings) {
    deps.timelines.add(ref, { kind: 'activity', at: now, activityId: activity.id });
    // R4.2: the system entry carries the avatar of the employee who connected the mailbox.
    deps.timelines.add(ref, { kind: 'system', at: now, title: 'New e-mail', authorId: mailbox.connectorId, activityId: activity.id });
  }
  return activity;
}
