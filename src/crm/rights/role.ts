import type { ItemType } from '../items/item-ref.ts';
import type { AccessLevel, CrmAction } from './access-level.ts';

/** One role's permissions: per item type and action, one level; anything unset is "Deny access". */
export type RolePermissions = { readonly [T in ItemType]?: { readonly [A in CrmAction]?: AccessLevel } };

/** A CRM role (CRM > Settings > Access permissions), assigned to employees (R6.1). */
export interface Role {
  readonly name: string;
  readonly permissions: RolePermissions;
}

const ITEM_TYPES: readonly ItemType[] = ['lead', 'deal', 'contact', 'company'];

/** The same level for every item type and action. */
export function uniformPermissions(level: AccessLevel): RolePermissions {
  const actions = { read: level, add: level, edit: level, delete: level };
  return Object.fromEntries(ITEM_TYPES.map((type) => [type, actions])) as RolePermissions;
}

export function levelOf(role: Role, type: ItemType, action: CrmAction): AccessLevel {
  return role.permissions[type]?.[action] ?? 'Deny access';
}

/** The roles every portal starts with (reference §1.10 rule 54): Administrator (all) and Manager (own items). */
export const DEFAULT_ROLES: readonly Role[] = [
  { name: 'Administrator', permissions: uniformPermissions('All') },
  { name: 'Manager', permissions: uniformPermissions('Personal') },
];
