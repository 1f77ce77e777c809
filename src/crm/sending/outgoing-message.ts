import type { Address } from '../mailboxes/mailbox-message.ts';

/**
 * What the CRM hands its mail connector for an e-mail sent from a form: the connector sends it over
 * SMTP as the mailbox and files a copy in the mailbox's Sent folder (R8.5). The CRM itself has no
 * sockets (design.md).
 */
export interface OutgoingMessage {
  readonly activityId: number;
  readonly mailboxId: number;
  readonly mailboxAddress: string;
  /** The Sent folder of the mailbox's settings, where the copy goes. */
  readonly sentFolder: string;
  /** The sending employee's name, at the mailbox's address. */
  readonly from: Address;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly subject: string;
  readonly text?: string;
  readonly html?: string;
  /** `<crm.activity.N@domain>` (reference §1.8 rule 51): replies to it find their way back. */
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];
  readonly date: Date;
}

/** The Message-ID of the e-mail an activity sent, on the mailbox's domain (reference §1.8 rule 51). */
export function crmMessageId(activityId: number, mailboxAddress: string): string {
  const domain = mailboxAddress.slice(mailboxAddress.lastIndexOf('@') + 1) || 'crm.invalid';
  return `<crm.activity.${activityId}@${domain}>`;
}
