import { FeatureWordingError } from '../../src/simulation/scenario-errors.ts';
/**
 * The CRM settings a feature file names (CRM > Settings > Other > Other settings), and how the
 * words after "to" become a value: "on"/"off" for switches, the mode's name for "CRM mode".
 */
export interface CrmSettingWords {
  /** The product wording, which the CRM takes as the setting's name. */
  readonly name: string;
  /** The key of CrmSettings it is read back from. */
  readonly key: 'crmMode' | 'repeatSalesMode' | 'legacyLeadCreationMode' | 'allowSendingToArbitraryAddresses';
  readonly read: (words: string) => unknown;
}

const onOff = (words: string): boolean => {
  const value = words.trim().toLowerCase();
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new FeatureWordingError(`Write "on" or "off", not "${words}"`);
};

const verbatim = (words: string): string => words;

export const CRM_SETTING_WORDS: Readonly<Record<string, CrmSettingWords>> = {
  'CRM mode': { name: 'CRM mode', key: 'crmMode', read: verbatim },
  'Enable repeat sales mode': { name: 'Enable repeat sales mode', key: 'repeatSalesMode', read: onOff },
  'Enable legacy lead creation mode': { name: 'Enable legacy lead creation mode', key: 'legacyLeadCreationMode', read: onOff },
  'Allow sending e-mails to arbitrary addresses': { name: 'Allow sending e-mails to arbitrary addresses', key: 'allowSendingToArbitraryAddresses', read: onOff },
};

/** The setting with this product wording; other words are an error listing the settings there are. */
export function crmSettingNamed(name: string): CrmSettingWords {
  const setting = CRM_SETTING_WORDS[name];
  if (setting) return setting;
  throw new FeatureWordingError(`Unknown CRM setting "${name}". Known settings: ${Object.keys(CRM_SETTING_WORDS).map((s) => `"${s}"`).join(', ')}`);
}
