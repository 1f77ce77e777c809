import type { CrmItemCommon, HasEmails } from './crm-item.ts';

export interface Contact extends CrmItemCommon, HasEmails {
  readonly name: string;
  /** The company the contact works for: decides whether both are bound (reference §1.2 rule 14). */
  readonly companyId?: number;
  readonly source?: string;
}
