import type { Employee } from '../employees/employee.ts';
import type { EmployeeDirectory } from '../employees/employee-directory.ts';
import { mayEditSettings } from '../employees/may-edit-settings.ts';
import { CrmError } from '../errors.ts';
import type { IdSource } from '../ids.ts';
import { parseDealStage } from '../items/deal.ts';
import { parseLeadStatus } from '../items/lead.ts';
import type { AutomationAction, AutomationCondition, AutomationRule, NewAutomationRule } from './automation-rule.ts';

/** The CRM's automation rules, in the order they were added, which is the order they run in. */
export class AutomationRules {
  private readonly rules: AutomationRule[] = [];
  private readonly ids: IdSource;
  private readonly employees: EmployeeDirectory;

  constructor(ids: IdSource, employees: EmployeeDirectory) {
    this.ids = ids;
    this.employees = employees;
  }

  /**
   * Adds a rule, checked as the automation editor does. Configuring automation is a CRM setting
   * (R6.2). Throws CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS, CRM.INVALID_AUTOMATION_RULE,
   * CRM.UNKNOWN_LEAD_STATUS, CRM.UNKNOWN_DEAL_STAGE, CRM.UNKNOWN_EMPLOYEE.
   */
  add(actor: Employee, input: NewAutomationRule): AutomationRule {
    requireEditor(actor);
    if (typeof input.name !== 'string' || input.name.trim() === '') throw invalid('An automation rule needs a name.');
    const rule: AutomationRule = {
      id: this.ids.next('automationRule'),
      name: input.name.trim(),
      when: condition(input.when),
      ...(input.direction !== undefined && { direction: direction(input.direction) }),
      action: this.action(input.when, input.action),
    };
    this.rules.push(rule);
    return rule;
  }

  remove(actor: Employee, id: number): void {
    requireEditor(actor);
    const index = this.rules.findIndex((r) => r.id === id);
    if (index < 0) throw new CrmError('CRM.UNKNOWN_AUTOMATION_RULE', `There is no automation rule with id ${id}.`);
    this.rules.splice(index, 1);
  }

  all(): readonly AutomationRule[] {
    return [...this.rules];
  }

  private action(when: AutomationCondition, action: AutomationAction): AutomationAction {
    switch (action.kind) {
      case 'change-status': {
        if (when.itemType !== 'lead') throw invalid('A deal has stages, not statuses: use "change-stage".');
        const status = parseLeadStatus(action.status);
        // "Good lead" means converted, which only conversion does (faq-rules §0).
        if (status === 'Good lead') throw invalid('A rule cannot set "Good lead": a lead becomes "Good lead" by conversion.');
        return { kind: 'change-status', status };
      }
      case 'change-stage':
        if (when.itemType !== 'deal') throw invalid('A lead has statuses, not stages: use "change-status".');
        return { kind: 'change-stage', stage: parseDealStage(action.stage) };
      case 'change-responsible':
        return { kind: 'change-responsible', employeeId: this.employees.get(action.employeeId).id };
      default:
        throw invalid(`Unknown action ${JSON.stringify((action as { kind?: unknown }).kind)}: change-status, change-stage or change-responsible.`);
    }
  }
}

function condition(when: AutomationCondition): AutomationCondition {
  if (when?.itemType === 'lead') return { itemType: 'lead', status: parseLeadStatus(when.status) };
  if (when?.itemType === 'deal') return { itemType: 'deal', stage: parseDealStage(when.stage) };
  throw invalid('An e-mail automation rule belongs to a lead status or a deal stage.');
}

function direction(value: unknown): 'incoming' | 'outgoing' {
  if (value === 'incoming' || value === 'outgoing') return value;
  throw invalid(`${JSON.stringify(value)} is not a direction: incoming or outgoing.`);
}

function requireEditor(actor: Employee): void {
  if (mayEditSettings(actor)) return;
  throw new CrmError(
    'CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS',
    `${actor.name} cannot configure automation rules: only a Bitrix24 administrator or an employee with "User can edit settings" can.`,
  );
}

function invalid(message: string): CrmError {
  return new CrmError('CRM.INVALID_AUTOMATION_RULE', message);
}
