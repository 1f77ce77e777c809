import { CrmError } from '../errors.ts';

/** The company's root department, to which every employee belongs at least (faq-rules §0). */
export const ROOT_DEPARTMENT = 'Company';

/**
 * The company structure: departments in a tree under the root department, as Bitrix24's company
 * structure has them. "Personal and department" reaches the employee's own department, "Personal,
 * department and subdepartments" the departments below it too (R6.1; reference §1.10 rule 55).
 */
export class Departments {
  private readonly parents = new Map<string, string | undefined>([[ROOT_DEPARTMENT, undefined]]);

  /** Adds a department under `parent` (the root when absent). Throws CRM.UNKNOWN_DEPARTMENT, CRM.DUPLICATE_DEPARTMENT. */
  add(name: string, parent: string = ROOT_DEPARTMENT): void {
    const trimmed = name.trim();
    if (trimmed === '') throw new CrmError('CRM.UNKNOWN_DEPARTMENT', 'A department needs a name.');
    if (this.parents.has(trimmed)) throw new CrmError('CRM.DUPLICATE_DEPARTMENT', `The department "${trimmed}" already exists.`);
    this.require(parent);
    this.parents.set(trimmed, parent);
  }

  /** The department, added under the root first when the company structure does not have it yet. */
  ensure(name: string): string {
    const trimmed = name.trim();
    if (!this.parents.has(trimmed)) this.add(trimmed);
    return trimmed;
  }

  has(name: string): boolean {
    return this.parents.has(name);
  }

  parentOf(name: string): string | undefined {
    this.require(name);
    return this.parents.get(name);
  }

  /** Whether `department` is `ancestor` or lies below it. */
  isWithin(department: string, ancestor: string): boolean {
    for (let current: string | undefined = department; current !== undefined; current = this.parents.get(current)) {
      if (current === ancestor) return true;
    }
    return false;
  }

  all(): readonly string[] {
    return [...this.parents.keys()];
  }

  private require(name: string): void {
    if (this.parents.has(name)) return;
    throw new CrmError('CRM.UNKNOWN_DEPARTMENT', `There is no department "${name}". The departments are: ${this.all().map((d) => `"${d}"`).join(', ')}.`);
  }
}
