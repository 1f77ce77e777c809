import type { ActivityStore } from '../activities/activity-store.ts';
import type { EmailActivity } from '../activities/email-activity.ts';
import { sameRef, type ItemRef } from '../items/item-ref.ts';
import type { CrmItem, ItemStore } from '../items/item-store.ts';
import type { AutomationRule, AutomationRun } from './automation-rule.ts';

export interface TriggerDeps {
  readonly items: ItemStore;
  readonly activities: ActivityStore;
  readonly rules: readonly AutomationRule[];
}

/**
 * Runs the e-mail trigger for a just saved e-mail on every item it is bound to (R2.9; reference
 * §1.4 rule 28). Which rules fire is decided by each item's status or stage at the moment of the
 * save, so one rule moving an item on does not set off the next stage's rules in the same save.
 * When a rule hands the owner item to someone else, the new e-mail's responsible follows (R4.1).
 */
export function runEmailTrigger(deps: TriggerDeps, activity: EmailActivity): { activity: EmailActivity; runs: AutomationRun[] } {
  const runs: AutomationRun[] = [];
  const atSave = new Map(activity.bindings.map((ref) => [key(ref), deps.items.item(ref)]));
  for (const ref of activity.bindings) {
    const before = atSave.get(key(ref))!;
    for (const rule of deps.rules) {
      if (rule.direction !== undefined && rule.direction !== activity.direction) continue;
      if (!applies(rule, ref, before)) continue;
      runs.push({ ruleId: rule.id, ruleName: rule.name, item: ref, change: apply(deps.items, rule, ref) });
    }
  }
  const [owner] = activity.bindings;
  const ownerResponsible = owner ? deps.items.item(owner).responsibleId : activity.responsibleId;
  const changedOwner = owner !== undefined && runs.some((r) => sameRef(r.item, owner));
  const updated = changedOwner && ownerResponsible !== activity.responsibleId ? deps.activities.update(activity.id, { responsibleId: ownerResponsible }) : activity;
  return { activity: updated, runs };
}

function applies(rule: AutomationRule, ref: ItemRef, item: CrmItem): boolean {
  if (rule.when.itemType !== ref.type) return false;
  if (rule.when.itemType === 'lead') return 'status' in item && item.status === rule.when.status;
  return 'stage' in item && item.stage === rule.when.stage;
}

function apply(items: ItemStore, rule: AutomationRule, ref: ItemRef): string {
  const { action } = rule;
  if (action.kind === 'change-status') {
    const before = items.get('lead', ref.id).status;
    items.update('lead', ref.id, { status: action.status });
    return `status "${before}" → "${action.status}"`;
  }
  if (action.kind === 'change-stage') {
    const before = items.get('deal', ref.id).stage;
    items.update('deal', ref.id, { stage: action.stage });
    return `stage "${before}" → "${action.stage}"`;
  }
  const before = items.item(ref).responsibleId;
  items.update(ref.type, ref.id, { responsibleId: action.employeeId });
  return `responsible ${before} → ${action.employeeId}`;
}

function key(ref: ItemRef): string {
  return `${ref.type}:${ref.id}`;
}
