import type { Employee } from '../employees/employee.ts';
import { mayEditSettings } from '../employees/may-edit-settings.ts';
import { CrmError } from '../errors.ts';
import { normaliseEmail } from '../matching/normalise.ts';
import {
  CRM_MODES,
  CRM_SETTING_LABELS,
  CRM_SETTING_NAMES,
  crmSettingByName,
  DEFAULT_CRM_SETTINGS,
  type CrmMode,
  type CrmSettingName,
  type CrmSettings,
} from './crm-settings.ts';

/**
 * The CRM's settings and who may change them: an administrator or an employee with "User can
 * edit settings" (R6.2). A change is checked whole before any of it applies.
 */
export class CrmSettingsStore {
  private current: CrmSettings = DEFAULT_CRM_SETTINGS;

  get(): CrmSettings {
    return this.current;
  }

  /**
   * Applies a patch keyed by setting key or product wording ("Enable repeat sales mode"). Throws
   * CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS, CRM.UNKNOWN_SETTING, CRM.INVALID_SETTING_VALUE.
   */
  update(actor: Employee, patch: Readonly<Record<string, unknown>>): CrmSettings {
    requireEditor(actor);
    const parsed: Partial<Record<CrmSettingName, unknown>> = {};
    const unknown: string[] = [];
    for (const [name, value] of Object.entries(patch)) {
      const key = crmSettingByName(name);
      if (key === undefined) unknown.push(name);
      else parsed[key] = (PARSERS[key] as (value: unknown, key: CrmSettingName) => unknown)(value, key);
    }
    if (unknown.length > 0) {
      throw new CrmError(
        'CRM.UNKNOWN_SETTING',
        `Unknown CRM setting ${unknown.map((n) => `"${n}"`).join(', ')}. CRM settings: ${CRM_SETTING_NAMES.map((k) => `"${CRM_SETTING_LABELS[k]}"`).join(', ')}.`,
      );
    }
    this.current = { ...this.current, ...(parsed as Partial<CrmSettings>) };
    return this.current;
  }

  /** "Add to exceptions": addresses already listed are not listed twice (R1.4). */
  addExceptions(actor: Employee, addresses: readonly string[]): CrmSettings {
    const added = PARSERS.exceptions(addresses, 'exceptions');
    const listed = new Set(this.current.exceptions.map(normaliseEmail));
    const fresh: string[] = [];
    for (const address of added) {
      const key = normaliseEmail(address);
      if (listed.has(key)) continue;
      listed.add(key);
      fresh.push(address);
    }
    return this.update(actor, { exceptions: [...this.current.exceptions, ...fresh] });
  }

  removeExceptions(actor: Employee, addresses: readonly string[]): CrmSettings {
    const removed = new Set(addresses.map(normaliseEmail));
    return this.update(actor, { exceptions: this.current.exceptions.filter((a) => !removed.has(normaliseEmail(a))) });
  }

  /** Whether the address is on the exceptions list (R1.4), compared as matching compares (R8.3). */
  isException(address: string): boolean {
    const key = normaliseEmail(address);
    return this.current.exceptions.some((a) => normaliseEmail(a) === key);
  }
}

function requireEditor(actor: Employee): void {
  if (mayEditSettings(actor)) return;
  throw new CrmError(
    'CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS',
    `${actor.name} cannot change CRM settings: only a Bitrix24 administrator or an employee with "User can edit settings" can.`,
  );
}

type Parsers = { readonly [K in CrmSettingName]: (value: unknown, key: K) => CrmSettings[K] };

const PARSERS: Parsers = {
  crmMode: (value, key) => {
    const found = CRM_MODES.find((m) => typeof value === 'string' && m.toLowerCase() === value.trim().toLowerCase());
    if (!found) throw invalid(key, value, CRM_MODES.map((m) => `"${m}"`).join(' or '));
    return found as CrmMode;
  },
  repeatSalesMode: onOff,
  legacyLeadCreationMode: onOff,
  allowSendingToArbitraryAddresses: onOff,
  exceptions: (value, key) => {
    if (!Array.isArray(value)) throw invalid(key, value, 'a list of e-mail addresses');
    return value.map((address: unknown) => {
      if (typeof address !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(normaliseEmail(address))) {
        throw invalid(key, address, 'e-mail addresses');
      }
      return address.trim();
    });
  },
};

function onOff(value: unknown, key: CrmSettingName): boolean {
  if (typeof value !== 'boolean') throw invalid(key, value, 'on (true) or off (false)');
  return value;
}

function invalid(key: CrmSettingName, value: unknown, expected: string): CrmError {
  return new CrmError('CRM.INVALID_SETTING_VALUE', `"${CRM_SETTING_LABELS[key]}" cannot be ${JSON.stringify(value)}: expected ${expected}.`);
}
