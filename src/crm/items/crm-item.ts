import type { EmailValue } from './email-value.ts';

/** What every CRM item has (faq-rules §0). */
export interface CrmItemCommon {
  readonly id: number;
  readonly responsibleId: number;
  /** "Available to everyone" (OPENED); new items take the default, on (reference §1.3 rule 18). */
  readonly availableToEveryone: boolean;
  readonly createdAt: Date;
  /** Last change; "most recently changed" picks among several matches (reference §1.2 rules 12, 13). */
  readonly updatedAt: Date;
}

/** Leads, contacts and companies carry e-mail values; deals reach e-mail through their client. */
export interface HasEmails {
  readonly emails: readonly EmailValue[];
}

/** Whether an item is still being worked on, or closed one way or the other (reference §2, semantics P/S/F). */
export type Semantic = 'in-progress' | 'success' | 'failure';
