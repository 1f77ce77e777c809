import type { ItemRef } from '../items/item-ref.ts';
import type { Address } from '../mailboxes/mailbox-message.ts';

export type EmailDirection = 'incoming' | 'outgoing';

/** An e-mail in the CRM: an activity bound to one or more items (faq-rules §0). */
export interface EmailActivity {
  readonly id: number;
  readonly direction: EmailDirection;
  readonly subject: string;
  readonly from: readonly Address[];
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly messageId?: string;
  /** A digest of the raw message it was saved from: identifies it when there is no Message-ID (R1.5). */
  readonly contentDigest?: string;
  readonly inReplyTo?: string;
  /** The References header's Message-IDs, oldest first (RFC 5322 §3.6.4). */
  readonly references?: readonly string[];
  /** The activity this e-mail answers, found by In-Reply-To or References: its thread (R2.8, R9.1). */
  readonly parentId?: number;
  /** Never empty; the first is the owner (R4.1; order deal, lead, contact, company). */
  readonly bindings: readonly ItemRef[];
  /** The owner item's responsible (R4.1). */
  readonly responsibleId: number;
  /** The employee who connected the mailbox (R4.2; reference §1.6 rule 34). */
  readonly authorId: number;
  /** Set when an employee pressed "Save to CRM" (R3.1); absent when the sync saved it. */
  readonly savedById?: number;
  /** False = "planned" (R4.2); true when already read at sync (R5.4) or completed later. */
  readonly completed: boolean;
  /** "Entered CRM": when it was saved (R5.2). */
  readonly createdAt: Date;
  /** "Received": the mail server's INTERNALDATE (R5.1). */
  readonly receivedAt: Date;
  /** The message's Date header, when it had one (R5.1). */
  readonly sentAt?: Date;
  readonly completedAt?: Date;
  /** Who pressed "Complete" (R5.3); absent when it was read before the sync saw it (R5.4). */
  readonly completedById?: number;
  readonly text?: string;
  readonly html?: string;
  /** The Webmail message it was saved from. */
  readonly mailboxId?: number;
  readonly mailboxMessageId?: number;
}

/**
 * The time an activity shows: when it entered the CRM while planned, when it was completed once
 * completed (R5.3).
 */
export function activityShownTime(activity: EmailActivity): Date {
  return activity.completed && activity.completedAt ? activity.completedAt : activity.createdAt;
}

/** The subject the product shows for a message without one (reference §1.7 rule 37). */
export const NO_SUBJECT = '(no subject)';
