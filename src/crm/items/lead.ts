import { CrmError } from '../errors.ts';
import type { CrmItemCommon, HasEmails, Semantic } from './crm-item.ts';

/**
 * Lead statuses by their product names (reference §2; REST ids NEW, IN_PROCESS, PROCESSED,
 * CONVERTED, JUNK). "Unassigned" is where leads created from e-mail start (R2.7).
 */
export const LEAD_STATUSES = ['Unassigned', 'In progress', 'Processed', 'Good lead', 'Junk lead'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

const LEAD_SEMANTICS: Readonly<Record<LeadStatus, Semantic>> = {
  Unassigned: 'in-progress',
  'In progress': 'in-progress',
  Processed: 'in-progress',
  'Good lead': 'success',
  'Junk lead': 'failure',
};

export function leadSemantic(status: LeadStatus): Semantic {
  return LEAD_SEMANTICS[status];
}

/** A status by its product name, in any letter case; else CRM.UNKNOWN_LEAD_STATUS listing them. */
export function parseLeadStatus(words: string): LeadStatus {
  const found = LEAD_STATUSES.find((s) => s.toLowerCase() === String(words).trim().toLowerCase());
  if (!found) throw new CrmError('CRM.UNKNOWN_LEAD_STATUS', `"${words}" is not a lead status. Statuses: ${LEAD_STATUSES.join(', ')}.`);
  return found;
}

/** The product's lead source for e-mail (REST id EMAIL); a mailbox's default (reference §3). */
export const EMAIL_LEAD_SOURCE = 'E-Mail';

export interface Lead extends CrmItemCommon, HasEmails {
  readonly title: string;
  readonly name?: string;
  readonly status: LeadStatus;
  readonly source?: string;
  /** The known client a repeat lead was made for (R2.3; REST CONTACT_ID, COMPANY_ID). */
  readonly contactId?: number;
  readonly companyId?: number;
  /** A repeat lead: made for a client the CRM already knows (R2.3; REST IS_RETURN_CUSTOMER). */
  readonly isReturnCustomer: boolean;
}

export function isLeadInProgress(lead: Lead): boolean {
  return leadSemantic(lead.status) === 'in-progress';
}

/** "Good lead" or "Junk lead": closed one way or the other (R2.4 looks for these). */
export function isLeadClosed(lead: Lead): boolean {
  return !isLeadInProgress(lead);
}
