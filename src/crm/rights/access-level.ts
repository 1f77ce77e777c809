/**
 * The levels of one permission, narrowest first (R6.1; reference §1.10 rule 55, Bitrix24 codes
 * "" / A / D / F / O / X). Each level grants everything the levels before it grant, which is what makes
 * "the widest level wins" (several roles, reference rule 54) well defined.
 */
export const ACCESS_LEVELS = ['Deny access', 'Personal', 'Personal and department', 'Personal, department and subdepartments', 'All open', 'All'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** The actions a permission is set for (R6.1). */
export const CRM_ACTIONS = ['read', 'add', 'edit', 'delete'] as const;
export type CrmAction = (typeof CRM_ACTIONS)[number];

export function isAccessLevel(value: string): value is AccessLevel {
  return (ACCESS_LEVELS as readonly string[]).includes(value);
}

export function isCrmAction(value: string): value is CrmAction {
  return (CRM_ACTIONS as readonly string[]).includes(value);
}

/** The wider of two levels. */
export function widerLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return ACCESS_LEVELS.indexOf(a) >= ACCESS_LEVELS.indexOf(b) ? a : b;
}

/** True when `level` grants at least what `minimum` grants. */
export function atLeast(level: AccessLevel, minimum: AccessLevel): boolean {
  return ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(minimum);
}
