import type { CrmItemCommon, Semantic } from './crm-item.ts';

/** Deal stages of the general pipeline by their product names (reference §2). */
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

/** A deal's client is its contacts and/or its company (faq-rules §0). */
export interface Deal extends CrmItemCommon {
  readonly title: string;
  readonly stage: DealStage;
  readonly contactIds: readonly number[];
  readonly companyId?: number;
  /** The lead this deal was converted from, if any (faq-rules §0; R7.2). */
  readonly leadId?: number;
}

export function isDealActive(deal: Deal): boolean {
  return dealSemantic(deal.stage) === 'in-progress';
}
