import type { Employee } from '../employees/employee.ts';
import type { CrmItemCommon } from '../items/crm-item.ts';
import type { AccessLevel } from './access-level.ts';

/** What a level needs to know of the company structure (R6.1). */
export interface CompanyStructure {
  /** The department of the employee with this id; undefined for someone no longer on record. */
  departmentOf(employeeId: number): string | undefined;
  /** Whether `department` is `ancestor` or lies below it. */
  isWithin(department: string, ancestor: string): boolean;
}

/**
 * Whether a level lets `employee` act on `item` (R6.1; reference §1.10 rule 55): "Personal" = items
 * they are responsible for; "Personal and department" adds items whose responsible works in the
 * same department; "Personal, department and subdepartments" adds those of the departments below
 * it; "All open" adds items marked "Available to everyone"; "All" is every item. Each level
 * includes the narrower ones (see ACCESS_LEVELS).
 */
export function levelCovers(level: AccessLevel, employee: Employee, item: Pick<CrmItemCommon, 'responsibleId' | 'availableToEveryone'>, company: CompanyStructure): boolean {
  if (item.responsibleId === employee.id) return level !== 'Deny access';
  const department = company.departmentOf(item.responsibleId);
  switch (level) {
    case 'Deny access':
    case 'Personal':
      return false;
    case 'Personal and department':
      return department === employee.department;
    case 'Personal, department and subdepartments':
      return department !== undefined && company.isWithin(department, employee.department);
    case 'All open':
      return item.availableToEveryone || levelCovers('Personal, department and subdepartments', employee, item, company);
    case 'All':
      return true;
  }
}
