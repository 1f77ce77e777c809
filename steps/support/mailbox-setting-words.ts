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
  throw new Error(`Write "on" or "off", not "${words}"`);
};
const entity: ValueReader = (words) => {
  const value = words.trim().toLowerCase();
  if (value === 'lead' || value === 'contact' || value === 'off') return value;
  throw new Error(`Write "Lead", "Contact" or "off", not "${words}"`);
};

const period: ValueReader = (words) => {
  const value = words.trim().toLowerCase();
  if (value === 'all') return 'all';
  const days = /^(7|30) days$/.exec(value);
  if (days) return Number(days[1]);
  throw new Error(`Write "7 days", "30 days" or "all", not "${words}"`);
};

const SETTINGS: Readonly<Record<string, { key: string; read: ValueReader }>> = {
  'Move spam to folder': { key: 'spamFolder', read: folder },
  'Integration with CRM': { key: 'crmIntegration', read: onOff },
  'Create lead for incoming e-mail from a new address': { key: 'createForNewSender', read: entity },
  'Create lead for outgoing e-mail to a new address': { key: 'createForNewRecipient', read: entity },
  'Process e-mails for the last N days': { key: 'processPeriod', read: period },
  'Lead source': { key: 'leadSource', read: (words) => words },
};

export function mailboxSettingFromWords(name: string, words: string): { key: string; value: unknown } {
  const setting = SETTINGS[name];
  if (!setting) {
    throw new Error(`Unknown mailbox setting "${name}". Known settings: ${Object.keys(SETTINGS).map((s) => `"${s}"`).join(', ')}`);
  }
  return { key: setting.key, value: setting.read(words) };
}
