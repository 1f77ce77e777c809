import { CrmError } from '../errors.ts';
import type { IdSource } from '../ids.ts';
import { normaliseEmail } from '../matching/normalise.ts';
import { Departments, ROOT_DEPARTMENT } from './departments.ts';
import type { Employee, NewEmployee } from './employee.ts';

/** The company's employees, by id and by name. */
export class EmployeeDirectory {
  private readonly byId = new Map<number, Employee>();
  private readonly ids: IdSource;
  /** The company structure the employees work in (R6.1). */
  readonly departments = new Departments();

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
      department: input.department === undefined ? ROOT_DEPARTMENT : this.departments.ensure(input.department),
      ...(input.email === undefined ? {} : { email: checkedEmail(input.email) }),
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

  /** The active employee with this address, compared as matching compares (R8.3). */
  activeByEmail(address: string): Employee | undefined {
    const key = normaliseEmail(address);
    return this.all().find((e) => e.active && e.email !== undefined && normaliseEmail(e.email) === key);
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

function checkedEmail(address: string): string {
  if (!/^[^\s@]+@[^\s@]+$/.test(normaliseEmail(address))) {
    throw new CrmError('CRM.INVALID_EMAIL_VALUE', `"${address}" is not an e-mail address.`);
  }
  return address.trim();
}
