import type { EmailDirection } from '../activities/email-activity.ts';
import type { DealStage } from '../items/deal.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { LeadStatus } from '../items/lead.ts';

/**
 * Where the rule sits: the automation rules of one lead status or one deal stage (Bitrix24 sets
 * automation per status / stage), so it fires only for items in that status or stage.
 */
export type AutomationCondition = { readonly itemType: 'lead'; readonly status: LeadStatus } | { readonly itemType: 'deal'; readonly stage: DealStage };

/** What the rule does to the item: move it on, or hand it to another employee. */
export type AutomationAction =
  | { readonly kind: 'change-status'; readonly status: LeadStatus }
  | { readonly kind: 'change-stage'; readonly stage: DealStage }
  | { readonly kind: 'change-responsible'; readonly employeeId: number };

/**
 * An automation rule with the e-mail trigger: "when an e-mail is saved to a lead in status X /
 * a deal in stage Y, do this" (R2.9; reference §1.4 rule 28, EmailTrigger).
 */
export interface AutomationRule {
  readonly id: number;
  readonly name: string;
  readonly when: AutomationCondition;
  /** Only incoming or only outgoing e-mail; both when absent. */
  readonly direction?: EmailDirection;
  readonly action: AutomationAction;
}

export type NewAutomationRule = Omit<AutomationRule, 'id'>;

/** One rule that fired on one item, and what it changed, for the save's outcome. */
export interface AutomationRun {
  readonly ruleId: number;
  readonly ruleName: string;
  readonly item: ItemRef;
  /** What changed, in words: `status "Unassigned" → "In progress"`. */
  readonly change: string;
}
