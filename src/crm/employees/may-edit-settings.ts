import type { Employee } from './employee.ts';

/**
 * Who may change CRM settings and access rights: a Bitrix24 administrator, or an employee with
 * "User can edit settings" (R6.2). Dismissed employees change nothing.
 */
export function mayEditSettings(employee: Pick<Employee, 'active' | 'isAdministrator' | 'canEditSettings'>): boolean {
  return employee.active && (employee.isAdministrator || employee.canEditSettings);
}
