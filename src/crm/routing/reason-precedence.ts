import type { NotSavedReason } from './outcome.ts';

/**
 * Which reason the CRM gives when several would keep an incoming e-mail out of the CRM: the first
 * of this list that applies. It is the order in which saveMessage (intake.ts) asks: saved before?
 * (R1.5) → readable? → the mailbox's switch and folders (R1.1, R1.2, R1.3) → the processing period
 * (R1.4; a reply to CRM mail skips it, R2.8) → whom it is from (R1.4) → the routing rules (R2.7).
 * So "Integration with CRM" off wins over a message in the spam folder, and a spam folder over an
 * employee sender. reason-precedence.test.ts holds the CRM to this list.
 */
export const NOT_SAVED_PRECEDENCE: readonly NotSavedReason[] = [
  'already-saved',
  'unreadable-message',
  'integration-off',
  'spam-folder',
  'trash-or-drafts',
  'spam-moved-to-inbox',
  'outside-processing-period',
  'no-sender',
  'unreadable-sender',
  'sender-is-employee',
  'on-exceptions-list',
  'new-sender-creation-off',
];
