import { FeatureWordingError } from '../../src/simulation/scenario-errors.ts';

/**
 * The mailbox settings as feature files name them (the product's own wording), how the words
 * after "to" become a setting value, and how a value reads back in words. An unknown name is an
 * error listing the known ones.
 */
type ValueReader = (words: string) => unknown;
type ValueShower = (value: unknown) => string;

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

/** "all", or folder paths separated by commas: "INBOX, Clients/Acme". */
const folderList: ValueReader = (words) => (words.trim().toLowerCase() === 'all' ? 'all' : words.split(',').map((w) => w.trim()).filter((w) => w !== ''));

const asText: ValueShower = (value) => String(value);
const showOnOff: ValueShower = (value) => (value ? 'on' : 'off');
const showEntity: ValueShower = (value) => (value === 'off' ? 'off' : String(value).charAt(0).toUpperCase() + String(value).slice(1));
const showPeriod: ValueShower = (value) => (value === 'all' ? 'all' : `${String(value)} days`);
const showFolderList: ValueShower = (value) => (Array.isArray(value) ? value.join(', ') : String(value));

/** A mailbox setting: its product wording, the key of the CRM's mailbox settings, its value reader and shower. */
export interface MailboxSettingWords {
  readonly name: string;
  readonly key: string;
  readonly read: ValueReader;
  readonly show: ValueShower;
  /** The values it takes, in words, for the catalogue. */
  readonly values: string;
}

/**
 * "Move spam to folder" and the folder roles of "Configure folders for synchronization" take any
 * folder the CRM's last synchronisation listed on the server, folders of one's own included.
 */
export const MAILBOX_SETTINGS: readonly MailboxSettingWords[] = [
  { name: 'Move spam to folder', key: 'spamFolder', read: folder, show: asText, values: 'a folder the server lists: `Spam`, `INBOX`, `Clients/Junk`' },
  { name: 'Integration with CRM', key: 'crmIntegration', read: onOff, show: showOnOff, values: '`on`, `off`' },
  { name: 'Create lead for incoming e-mail from a new address', key: 'createForNewSender', read: entity, show: showEntity, values: '`Lead`, `Contact`, `off`' },
  { name: 'Create lead for outgoing e-mail to a new address', key: 'createForNewRecipient', read: entity, show: showEntity, values: '`Lead`, `Contact`, `off` (mail found in the Sent folder)' },
  { name: 'Process e-mails for the last N days', key: 'processPeriod', read: period, show: showPeriod, values: '`7 days`, `30 days`, `all`, counted back from the connection (R1.4)' },
  { name: 'Lead source', key: 'leadSource', read: (words) => words, show: asText, values: 'any source name: `E-Mail`' },
  { name: 'Inbox folder', key: 'inboxFolder', read: folder, show: asText, values: 'a folder the server lists' },
  { name: 'Sent folder', key: 'sentFolder', read: folder, show: asText, values: 'a folder the server lists; its mail is outgoing' },
  { name: 'Drafts folder', key: 'draftsFolder', read: folder, show: asText, values: 'a folder the server lists; never saved automatically (R1.2)' },
  { name: 'Trash folder', key: 'trashFolder', read: folder, show: asText, values: 'a folder the server lists; never saved automatically (R1.2)' },
  { name: 'Folders for synchronization', key: 'foldersToSync', read: folderList, show: showFolderList, values: '`all`, or folders separated by commas: `INBOX, Clients/Acme`' },
];

export function mailboxSettingNamed(name: string): MailboxSettingWords {
  const setting = MAILBOX_SETTINGS.find((s) => s.name === name);
  if (setting) return setting;
  throw new FeatureWordingError(`Unknown mailbox setting "${name}". Known settings: ${MAILBOX_SETTINGS.map((s) => `"${s.name}"`).join(', ')}`);
}

export function mailboxSettingFromWords(name: string, words: string): { key: string; value: unknown } {
  const setting = mailboxSettingNamed(name);
  return { key: setting.key, value: setting.read(words) };
}
