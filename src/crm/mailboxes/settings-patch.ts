import { CrmError } from '../errors.ts';
import { sameFolder, type MailboxFolder } from './folder-path.ts';
import {
  isMailboxSettingName,
  MAILBOX_SETTING_NAMES,
  NEW_SENDER_ENTITIES,
  PROCESS_PERIODS,
  type MailboxSettings,
  type NewSenderEntity,
  type ProcessPeriod,
} from './mailbox-settings.ts';

export interface PatchContext {
  /** The folders listed on the server; undefined before the connector has listed them. */
  readonly folders: readonly MailboxFolder[] | undefined;
  readonly isEmployee: (id: number) => boolean;
}

type Parser<K extends keyof MailboxSettings> = (value: unknown, name: K, context: PatchContext) => MailboxSettings[K];

/**
 * Checks a settings change as the settings form would: every name must be a setting, every value
 * of the right kind, every folder one the server has. Folder paths come back spelt as the server
 * lists them, so "inbox" becomes "INBOX".
 */
export function parseSettingsPatch(patch: Readonly<Record<string, unknown>>, context: PatchContext): Partial<MailboxSettings> {
  const unknown = Object.keys(patch).filter((name) => !isMailboxSettingName(name));
  if (unknown.length > 0) {
    throw new CrmError(
      'CRM.UNKNOWN_SETTING',
      `Unknown mailbox setting ${unknown.map((n) => `"${n}"`).join(', ')}. Valid settings: ${MAILBOX_SETTING_NAMES.join(', ')}.`,
    );
  }
  const parsed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch)) {
    if (!isMailboxSettingName(name)) continue;
    const parse = PARSERS[name] as Parser<typeof name>;
    parsed[name] = parse(value, name, context);
  }
  return parsed as Partial<MailboxSettings>;
}

const PARSERS: { readonly [K in keyof MailboxSettings]: Parser<K> } = {
  crmIntegration: boolean,
  spamFolder: folder,
  inboxFolder: folder,
  sentFolder: folder,
  trashFolder: folder,
  draftsFolder: folder,
  foldersToSync: (value, name, context) => {
    if (value === 'all') return 'all';
    if (!Array.isArray(value)) throw invalid(name, value, '"all" or a list of folder paths');
    return value.map((path: unknown) => folder(path, name, context));
  },
  createForNewSender: (value, name) => {
    if (!NEW_SENDER_ENTITIES.includes(value as NewSenderEntity)) throw invalid(name, value, NEW_SENDER_ENTITIES.join(' or '));
    return value as NewSenderEntity;
  },
  createForNewRecipient: (value, name) => {
    if (!NEW_SENDER_ENTITIES.includes(value as NewSenderEntity)) throw invalid(name, value, NEW_SENDER_ENTITIES.join(' or '));
    return value as NewSenderEntity;
  },
  processPeriod: (value, name) => {
    if (!PROCESS_PERIODS.includes(value as ProcessPeriod)) throw invalid(name, value, '7, 30 or "all" (days)');
    return value as ProcessPeriod;
  },
  leadSource: (value, name) => {
    if (typeof value !== 'string' || value.trim() === '') throw invalid(name, value, 'a source name');
    return value;
  },
  responsibleQueue: (value, name, context) => {
    // The product falls back to portal administrators when the queue is empty (reference §1.6
    // rule 35); the settings form here simply asks for at least one employee.
    if (!Array.isArray(value) || value.length === 0) throw invalid(name, value, 'a non-empty list of employee ids');
    return value.map((id: unknown) => {
      if (typeof id !== 'number' || !context.isEmployee(id)) {
        throw new CrmError('CRM.UNKNOWN_EMPLOYEE', `The responsible queue names ${JSON.stringify(id)}, who is not an employee.`);
      }
      return id;
    });
  },
};

function boolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalid(name, value, 'true or false');
  return value;
}

function folder(value: unknown, name: string, context: PatchContext): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(name, value, 'a folder path');
  if (context.folders === undefined) return value;
  const found = context.folders.find((f) => sameFolder(f.path, value));
  if (!found) {
    throw new CrmError(
      'CRM.UNKNOWN_FOLDER',
      `The mailbox has no folder "${value}" (setting ${name}). Folders: ${context.folders.map((f) => f.path).join(', ')}.`,
    );
  }
  return found.path;
}

function invalid(name: string, value: unknown, expected: string): CrmError {
  return new CrmError('CRM.INVALID_SETTING_VALUE', `Setting ${name} cannot be ${JSON.stringify(value)}: expected ${expected}.`);
}
