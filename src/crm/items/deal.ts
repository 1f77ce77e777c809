import { CrmError } from '../errors.ts';
import type { CrmItemCommon, Semantic } from './crm-item.ts';

/**
 * Deal stages of the general pipeline by their product names (reference §2): "New" to "Final
 * invoice" are in progress, "Deal won" a success, "Deal lost" and "Analyze failure" a failure.
 */
export const DEAL_STAGES = [
  'New',
  'Create papers',
  'Invoice',
  'In progress',
  'Final invoice',
  'Deal won',
  'Deal lost',
  'Analyze failure',
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export function dealSemantic(stage: DealStage): Semantic {
  if (stage === 'Deal won') return 'success';
  if (stage === 'Deal lost' || stage === 'Analyze failure') return 'failure';
  return 'in-progress';
}

/** A stage by its product name, in any letter case; else CRM.UNKNOWN_DEAL_STAGE listing them. */
export function parseDealStage(words: string): DealStage {
  const found = DEAL_STAGES.find((s) => s.toLowerCase() === String(words).trim().toLowerCase());
  if (!found) throw new CrmError('CRM.UNKNOWN_DEAL_STAGE', `"${words}" is not a deal stage. Stages: ${DEAL_STAGES.join(', ')}.`);
  return found;
}

/** A deal's client is its contacts and/or its company (faq-rules §0). */
export interface Deal extends CrmItemCommon {
  readonly title: string;
  readonly stage: DealStage;
  readonly contactIds: readonly number[];
  readonly companyId?: number;
  /** The lead this deal was converted from, if any (faq-rules §0; R7.2). */
  readonly leadId?: number;
  /** A repeat deal: made for a client the CRM already knew (R2.6; REST IS_RETURN_CUSTOMER). */
  readonly isReturnCustomer: boolean;
}

export function isDealActive(deal: Deal): boolean {
  return dealSemantic(deal.stage) === 'in-progress';
}
