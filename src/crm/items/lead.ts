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

/** The product's lead source for e-mail (REST id EMAIL); a mailbox's default (reference §3). */
export const EMAIL_LEAD_SOURCE = 'E-Mail';

export interface Lead extends CrmItemCommon, HasEmails {
  readonly title: string;
  readonly name?: string;
  readonly status: LeadStatus;
  readonly source?: string;
}

export function isLeadInProgress(lead: Lead): boolean {
  return leadSemantic(lead.status) === 'in-progress';
}
