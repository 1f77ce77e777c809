import { CrmError } from '../errors.ts';
import type { IdSource } from '../ids.ts';
import type { Employee, NewEmployee } from './employee.ts';

/** The company's employees, by id and by name. */
export class EmployeeDirectory {
  private readonly byId = new Map<number, Employee>();
  private readonly ids: IdSource;

  constructor(ids: IdSource) {
    this.ids = ids;
  }

  add(input: NewEmployee): Employee {
    // Scenarios name employees ("Anna saves the e-mail"), so a name must identify one person.
    if (this.all().some((e) => e.name === input.name)) {
      throw new CrmError('CRM.DUPLICATE_EMPLOYEE_NAME', `An employee named "${input.name}" already exists.`);
    }
    const employee: Employee = {
      id: this.ids.next('employee'),
      name: input.name,
      active: input.active ?? true,
      ...(input.department === undefined ? {} : { department: input.department }),
      isAdministrator: input.isAdministrator ?? false,
      canEditSettings: input.canEditSettings ?? false,
    };
    this.byId.set(employee.id, employee);
    return employee;
  }

  get(id: number): Employee {
    const employee = this.byId.get(id);
    if (!employee) throw new CrmError('CRM.UNKNOWN_EMPLOYEE', `There is no employee with id ${id}.`);
    return employee;
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  byName(name: string): Employee {
    const employee = this.all().find((e) => e.name === name);
    if (!employee) throw new CrmError('CRM.UNKNOWN_EMPLOYEE', `There is no employee named "${name}".`);
    return employee;
  }

  setActive(id: number, active: boolean): Employee {
    const employee: Employee = { ...this.get(id), active };
    this.byId.set(id, employee);
    return employee;
  }

  all(): readonly Employee[] {
    return [...this.byId.values()];
  }
}
