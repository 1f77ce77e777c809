/**
 * A Bitrix24 employee as the CRM sees one (faq-rules §0). `isAdministrator` is the portal
 * administrator flag; `canEditSettings` is "User can edit settings" (R6.2).
 */
export interface Employee {
  readonly id: number;
  readonly name: string;
  /** Inactive (dismissed) employees stay on record but are skipped by responsible queues (R4.4). */
  readonly active: boolean;
  /**
   * The department the employee works in; the company's root department when none was given, since
   * every Bitrix24 employee belongs at least to it (R6.1).
   */
  readonly department: string;
  /**
   * The employee's own e-mail address: mail from it is an employee's, never saved to the CRM
   * automatically (R1.4; reference §1.1 rule 5).
   */
  readonly email?: string;
  readonly isAdministrator: boolean;
  readonly canEditSettings: boolean;
}

export interface NewEmployee {
  name: string;
  active?: boolean;
  department?: string;
  email?: string;
  isAdministrator?: boolean;
  canEditSettings?: boolean;
}
