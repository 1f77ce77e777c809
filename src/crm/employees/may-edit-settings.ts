import type { Employee } from './employee.ts';

/**
 * Whether the employee may change CRM access rights and CRM settings: a Bitrix24 administrator,
 * or an employee with "User can edit settings" (R6.2).
 */
export function mayEditSettings(employee: Employee): boolean {
  return employee.isAdministrator || employee.canEditSettings;
}
