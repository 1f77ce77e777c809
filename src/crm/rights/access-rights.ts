import type { Employee } from '../employees/employee.ts';
import type { EmployeeDirectory } from '../employees/employee-directory.ts';
import { mayEditSettings } from '../employees/may-edit-settings.ts';
import { CrmError } from '../errors.ts';
import type { ItemRef, ItemType } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import { widerLevel, type AccessLevel, type CrmAction } from './access-level.ts';
import { levelCovers } from './item-access.ts';
import { DEFAULT_ROLES, levelOf, type Role, type RolePermissions } from './role.ts';

/**
 * CRM access permissions: the roles, what each allows, and who has which (R6.1). Only an
 * administrator or an employee with "User can edit settings" may change any of it (R6.2).
 */
export class AccessRights {
  private readonly roleTable = new Map<string, Role>();
  private readonly assignments = new Map<number, Set<string>>();
  private readonly employees: EmployeeDirectory;
  private readonly items: ItemStore;

  constructor(employees: EmployeeDirectory, items: ItemStore) {
    this.employees = employees;
    this.items = items;
    for (const role of DEFAULT_ROLES) this.roleTable.set(role.name, role);
  }

  roles(): readonly Role[] {
    return [...this.roleTable.values()];
  }

  /** Throws CRM.UNKNOWN_ROLE. */
  role(name: string): Role {
    const role = this.roleTable.get(name);
    if (!role) {
      const known = [...this.roleTable.keys()].map((n) => `"${n}"`).join(', ');
      throw new CrmError('CRM.UNKNOWN_ROLE', `There is no CRM role "${name}". Roles: ${known}.`);
    }
    return role;
  }

  /** Creates the role, or replaces what an existing one allows. */
  defineRole(actorId: number, name: string, permissions: RolePermissions): Role {
    this.requireMayChange(actorId);
    if (name.trim() === '') throw new CrmError('CRM.UNKNOWN_ROLE', 'A CRM role needs a name.');
    const role: Role = { name: name.trim(), permissions: clonePermissions(permissions) };
    this.roleTable.set(role.name, role);
    return role;
  }

  setPermission(actorId: number, roleName: string, type: ItemType, action: CrmAction, level: AccessLevel): Role {
    this.requireMayChange(actorId);
    const role = this.role(roleName);
    const permissions = clonePermissions(role.permissions);
    const updated: Role = { name: role.name, permissions: { ...permissions, [type]: { ...permissions[type], [action]: level } } };
    this.roleTable.set(role.name, updated);
    return updated;
  }

  assignRole(actorId: number, employeeId: number, roleName: string): void {
    this.requireMayChange(actorId);
    this.employees.get(employeeId);
    this.role(roleName);
    this.assignments.set(employeeId, new Set([...(this.assignments.get(employeeId) ?? []), roleName]));
  }

  removeRole(actorId: number, employeeId: number, roleName: string): void {
    this.requireMayChange(actorId);
    this.employees.get(employeeId);
    this.assignments.get(employeeId)?.delete(roleName);
  }

  rolesOf(employeeId: number): readonly Role[] {
    this.employees.get(employeeId);
    return [...(this.assignments.get(employeeId) ?? [])].map((name) => this.role(name));
  }

  /**
   * The employee's level for an action on a type: the widest their roles give (reference §1.10
   * rule 54); a portal administrator has "All"; an employee without a role has "Deny access".
   */
  levelFor(employeeId: number, type: ItemType, action: CrmAction): AccessLevel {
    const employee = this.employees.get(employeeId);
    if (employee.isAdministrator) return 'All';
    return this.rolesOf(employeeId).reduce<AccessLevel>((level, role) => widerLevel(level, levelOf(role, type, action)), 'Deny access');
  }

  /** Whether the employee may do `action` on this very item (R6.1). Throws CRM.UNKNOWN_ITEM. */
  can(employeeId: number, action: CrmAction, ref: ItemRef): boolean {
    const item = this.items.item(ref);
    const employee = this.employees.get(employeeId);
    return levelCovers(this.levelFor(employeeId, ref.type, action), employee, item, {
      departmentOf: (id) => (this.employees.has(id) ? this.employees.get(id).department : undefined),
      isWithin: (department, ancestor) => this.employees.departments.isWithin(department, ancestor),
    });
  }

  /** R6.2: access permissions are the administrator's and "User can edit settings" holders' to change. */
  private requireMayChange(actorId: number): Employee {
    const actor = this.employees.get(actorId);
    if (mayEditSettings(actor)) return actor;
    throw new CrmError(
      'CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS',
      `${actor.name} cannot change CRM access permissions: only a Bitrix24 administrator or an employee with "User can edit settings" can.`,
    );
  }
}

function clonePermissions(permissions: RolePermissions): RolePermissions {
  return Object.fromEntries(Object.entries(permissions).map(([type, actions]) => [type, { ...actions }])) as RolePermissions;
}
