import { FeatureWordingError } from '../../src/simulation/scenario-errors.ts';
/**
 * The mailbox settings as feature files name them (the product's own wording), and how the words
 * after "to" become a setting value. An unknown name is an error listing the known ones.
 */
type ValueReader = (words: string) => unknown;

const folder: ValueReader = (words) => words;
const onOff: ValueReader = (words) => {
  const value = words.trim().toLowerCase();
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new FeatureWordingError(`Write "on" or "off", not "${words}"`);
};
const entity: ValueReader = (words) => {
  const value = words.trim().toLowerCase();
  if (value === 'lead' || value === 'contact' || value === 'off') return value;
  throw new FeatureWordingError(`Write "Lead", "Contact" or "off", not "${words}"`);
};

const period: ValueReader = (words) => {
  const value = words.trim().toLowerCase();
  if (value === 'all') return 'all';
  const days = /^(7|30) days$/.exec(value);
  if (days) return Number(days[1]);
  throw new FeatureWordingError(`Write "7 days", "30 days" or "all", not "${words}"`);
};

/** A mailbox setting: its product wording, the key of the CRM's mailbox settings, and its value reader. */
export interface MailboxSettingWords {
  readonly name: string;
  readonly key: string;
  readonly read: ValueReader;
}

const SETTINGS: readonly MailboxSettingWords[] = [
  { name: 'Move spam to folder', key: 'spamFolder', read: folder },
  { name: 'Integration with CRM', key: 'crmIntegration', read: onOff },
  { name: 'Create lead for incoming e-mail from a new address', key: 'createForNewSender', read: entity },
  { name: 'Create lead for outgoing e-mail to a new address', key: 'createForNewRecipient', read: entity },
  { name: 'Process e-mails for the last N days', key: 'processPeriod', read: period },
  { name: 'Lead source', key: 'leadSource', read: (words) => words },
];

export function mailboxSettingNamed(name: string): MailboxSettingWords {
  const setting = SETTINGS.find((s) => s.name === name);
  if (setting) return setting;
  throw new FeatureWordingError(`Unknown mailbox setting "${name}". Known settings: ${SETTINGS.map((s) => `"${s.name}"`).join(', ')}`);
}

export function mailboxSettingFromWords(name: string, words: string): { key: string; value: unknown } {
  const setting = mailboxSettingNamed(name);
  return { key: setting.key, value: setting.read(words) };
}
