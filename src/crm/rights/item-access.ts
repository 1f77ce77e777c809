import type { Employee } from '../employees/employee.ts';
import type { CrmItemCommon } from '../items/crm-item.ts';
import type { AccessLevel } from './access-level.ts';

/**
 * Whether a level lets `employee` act on `item` (R6.1): "Personal" = items they are responsible
 * for; "Personal and department" adds items whose responsible works in the same department;
 * "All open" adds items marked "Available to everyone"; "All" is every item. Each level includes
 * the narrower ones (see ACCESS_LEVELS).
 */
export function levelCovers(
  level: AccessLevel,
  employee: Employee,
  item: Pick<CrmItemCommon, 'responsibleId' | 'availableToEveryone'>,
  departmentOf: (employeeId: number) => string | undefined,
): boolean {
  switch (level) {
    case 'Deny access':
      return false;
    case 'All':
      return true;
    case 'All open':
      if (item.availableToEveryone) return true;
      return levelCovers('Personal and department', employee, item, departmentOf);
    case 'Personal and department': {
      if (item.responsibleId === employee.id) return true;
      const department = employee.department;
      return department !== undefined && departmentOf(item.responsibleId) === department;
    }
    case 'Personal':
      return item.responsibleId === employee.id;
  }
}
