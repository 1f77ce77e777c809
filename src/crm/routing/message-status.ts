import { explainReadingProblem, type ReadingProblem } from '../mailboxes/reading-problems.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';
import { NOT_SAVED_EXPLANATIONS, type IntakeOutcome, type NotSavedReason } from './outcome.ts';

/** A mailbox message's entry as Webmail shows it next to the message: in the CRM or not, and why. */
export interface MailboxMessageStatus {
  readonly inCrm: boolean;
  /** The e-mail activity it is, when in the CRM. */
  readonly activityId?: number;
  /** Why it is not in the CRM: the CRM's latest decision about it. */
  readonly notSavedReason?: NotSavedReason;
  /** The reason in the product's words. */
  readonly explanation?: string;
  /** What could not be read in the message (empty for a well-formed one)… */
  readonly readingProblems: readonly ReadingProblem[];
  /** …and the same in the product's words. */
  readonly readingNotes: readonly string[];
  /** Size in octets, when the server reported it. */
  readonly size?: number;
  /** The Date field, or when the server received it when that cannot be read (R5.1). */
  readonly shownDate: Date;
}

/**
 * The latest reason each message was not saved. A `duplicate` hand-over says nothing new about
 * the message, so it never replaces the reason given when the message was first handed over.
 */
export class NotSavedReasons {
  private readonly reasons = new Map<number, NotSavedReason>();

  remember(outcome: IntakeOutcome): void {
    if (outcome.saved) this.reasons.delete(outcome.mailboxMessage.id);
    else if (outcome.reason !== 'duplicate') this.reasons.set(outcome.mailboxMessage.id, outcome.reason);
  }

  statusOf(message: MailboxMessage, activityId: number | undefined): MailboxMessageStatus {
    const reason = activityId === undefined ? this.reasons.get(message.id) : undefined;
    return {
      inCrm: activityId !== undefined,
      ...(activityId !== undefined && { activityId }),
      ...(reason !== undefined && { notSavedReason: reason, explanation: NOT_SAVED_EXPLANATIONS[reason] }),
      readingProblems: message.readingProblems ?? [],
      readingNotes: (message.readingProblems ?? []).map(explainReadingProblem),
      ...(message.size !== undefined && { size: message.size }),
      shownDate: message.date ?? message.receivedAt,
    };
  }
}
