/** CRM mode (Leads/Deals ⚙ > CRM mode; REST crm.settings.mode.get 1 / 2). */
export const CRM_MODES = ['Classic CRM', 'Simple CRM'] as const;
export type CrmMode = (typeof CRM_MODES)[number];

/**
 * CRM-wide settings (CRM > Settings > Other > Other settings, and Exceptions; faq-rules §0),
 * by the product's wording in the comments; `CRM_SETTING_LABELS` maps the keys to that wording.
 */
export interface CrmSettings {
  /** "Classic CRM" works with leads; "Simple CRM" makes deals and contacts directly (R2.6). */
  readonly crmMode: CrmMode;
  /** "Enable repeat sales mode" (`enable_auto_gen_rc`), default on, classic mode only (R2.3). */
  readonly repeatSalesMode: boolean;
  /**
   * "Enable legacy lead creation mode" (`enable_auto_using_finished_lead`), default off: with
   * repeat sales off, a known client's e-mail goes to its closed lead (R2.4).
   */
  readonly legacyLeadCreationMode: boolean;
  /** "Allow sending e-mails to arbitrary addresses" (Activities section), default on (R8.4). */
  readonly allowSendingToArbitraryAddresses: boolean;
  /**
   * "Exceptions": addresses from which no lead or deal is ever created and whose mail is not
   * saved automatically (R1.4). Kept as entered; compared trimmed and lower-cased.
   */
  readonly exceptions: readonly string[];
}

export type CrmSettingName = keyof CrmSettings;

export const CRM_SETTING_LABELS: Readonly<Record<CrmSettingName, string>> = {
  crmMode: 'CRM mode',
  repeatSalesMode: 'Enable repeat sales mode',
  legacyLeadCreationMode: 'Enable legacy lead creation mode',
  allowSendingToArbitraryAddresses: 'Allow sending e-mails to arbitrary addresses',
  exceptions: 'Exceptions',
};

export const CRM_SETTING_NAMES = Object.keys(CRM_SETTING_LABELS) as CrmSettingName[];

export const DEFAULT_CRM_SETTINGS: CrmSettings = {
  crmMode: 'Classic CRM',
  repeatSalesMode: true,
  legacyLeadCreationMode: false,
  allowSendingToArbitraryAddresses: true,
  exceptions: [],
};

/** The setting a caller means, by key or by its product wording in any letter case. */
export function crmSettingByName(name: string): CrmSettingName | undefined {
  const wanted = name.trim().toLowerCase();
  return CRM_SETTING_NAMES.find((key) => key.toLowerCase() === wanted || CRM_SETTING_LABELS[key].toLowerCase() === wanted);
}
