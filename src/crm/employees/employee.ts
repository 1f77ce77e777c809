/**
 * A Bitrix24 employee as the CRM sees one (faq-rules §0). `isAdministrator` is the portal
 * administrator flag; `canEditSettings` is "User can edit settings" (R6.2).
 */
export interface Employee {
  readonly id: number;
  readonly name: string;
  /** Inactive (dismissed) employees stay on record but are skipped by responsible queues (R4.4). */
  readonly active: boolean;
  readonly department?: string;
  readonly isAdministrator: boolean;
  readonly canEditSettings: boolean;
}

export interface NewEmployee {
  name: string;
  active?: boolean;
  department?: string;
  isAdministrator?: boolean;
  canEditSettings?: boolean;
}
