import { defineParameterType } from '@cucumber/cucumber';
import type { AccessLevel, CrmAction, ItemType, SearchField } from '../../src/crm/index.ts';
import type { FormRecipient } from '../../src/simulation/index.ts';
import { crmSettingNamed, type CrmSettingWords } from './crm-setting-words.ts';
import { mailboxSettingNamed, type MailboxSettingWords } from './mailbox-setting-words.ts';
import { ACCESS_LEVEL_PATTERN, NOT_SAVED_REASON_PATTERN, READING_PROBLEM_PATTERN, READING_PROBLEM_WORDS } from './computed-patterns.ts';
import { NOT_SAVED_REASON_WORDS } from './not-saved-reason-words.ts';
import type { CrmWorld } from './world.ts';

/** Why an e-mail was not saved, in the words written after "because": `it is in the spam folder` … */
defineParameterType({
  name: 'not-saved-reason',
  regexp: NOT_SAVED_REASON_PATTERN,
  transformer: (words: string) => NOT_SAVED_REASON_WORDS[words],
});

/** What the connector could not read in a message, in the words written after "noting that": `its Date cannot be read` … */
defineParameterType({
  name: 'reading-problem',
  regexp: READING_PROBLEM_PATTERN,
  transformer: (words: string) => READING_PROBLEM_WORDS[words],
});

/** A CRM item as scenarios name it: `lead "Printers"`, `contact "Jan Kowalski"` (leads, deals, companies by title). */
export interface ItemWords {
  readonly type: ItemType;
  readonly label: string;
}

/** A CRM item by its type and, in quotes, its title (a contact by name): `lead "Printers"`, `contact "Jan Kowalski"`. */
defineParameterType({
  name: 'item',
  regexp: /(lead|deal|contact|company) "([^"]*)"/,
  transformer: (type: string, label: string): ItemWords => ({ type: type as ItemType, label }),
});

/**
 * An employee already in the scenario, by name in quotes: "Anna Nowak". A name the CRM does not
 * know fails the step at once, listing the employees there are (steps that add an employee take
 * the new name as a {string}).
 */
defineParameterType({
  name: 'employee',
  regexp: /"([^"]+)"/,
  transformer(this: CrmWorld, name: string): string {
    return this.sim.employeeNamed(name).name;
  },
  useForSnippets: false,
});

/** A connected mailbox, by address in quotes: "sales@acme.test". */
defineParameterType({ name: 'mailbox', regexp: /"([^"\s]+@[^"\s]+)"/, transformer: (address: string) => address, useForSnippets: false });

/** A folder of a mailbox as the server names it, in quotes: "INBOX", "Spam", or one of its own, nested with "/": "Clients/Acme". */
defineParameterType({ name: 'folder', regexp: /"([^"]+)"/, transformer: (path: string) => path, useForSnippets: false });

/** A time of day on the scenario's date, HH:MM or HH:MM:SS, UTC. */
defineParameterType({ name: 'time', regexp: /\d{1,2}:\d{2}(?::\d{2})?/, transformer: (time: string) => time });

/**
 * A CRM setting by its product wording, in quotes: "Enable repeat sales mode" (every name and its
 * default: "Rules of thumb"). Any quoted words match, so a misspelt setting fails the step with the
 * list of settings rather than leaving it undefined.
 */
defineParameterType({
  name: 'crm-setting',
  regexp: /"([^"]+)"/,
  transformer: (name: string): CrmSettingWords => crmSettingNamed(name),
  useForSnippets: false,
});

/** A mailbox setting by its product wording, in quotes: "Move spam to folder" (every name, its values and default: "Rules of thumb"); unknown words fail the step, listing the settings. */
defineParameterType({
  name: 'mailbox-setting',
  regexp: /"([^"]+)"/,
  transformer: (name: string): MailboxSettingWords => mailboxSettingNamed(name),
  useForSnippets: false,
});

/** A switch: on or off. */
defineParameterType({ name: 'on-off', regexp: /on|off/, transformer: (word: string) => word === 'on' });

// Access rights, sending from CRM forms, search (R6–R9)

defineParameterType({
  name: 'item-type',
  regexp: /lead|deal|contact|company/,
  transformer: (words: string) => words as ItemType,
});

defineParameterType({
  name: 'crm-action',
  regexp: /read|add|edit|delete/,
  transformer: (words: string) => words as CrmAction,
});

/** A permission level in quotes, as CRM > Settings > Access permissions names it (R6.1). */
defineParameterType({
  name: 'access-level',
  regexp: ACCESS_LEVEL_PATTERN,
  transformer: (level: string) => level as AccessLevel,
});

/** Where a search looks, in the words after the search terms (R9.2). */
export const SEARCH_FIELD_WORDS: Readonly<Record<string, SearchField>> = {
  'in the subject': 'subject',
  'in the sender': 'sender',
  'in the text': 'text',
  anywhere: 'anywhere',
};

defineParameterType({
  name: 'search-field',
  regexp: /in the subject|in the sender|in the text|anywhere/,
  transformer: (words: string) => SEARCH_FIELD_WORDS[words],
});

/**
 * A recipient as the To field of a CRM form gets it: `its client`, `the CRM contact "Name"`,
 * `the new address "a@b" named "Name"` (To → Add → "Add new address", R8.2), `the typed address "a@b"`,
 * or `"a@b" from the mail address book` (the blue icon, R8.3).
 */
defineParameterType({
  name: 'recipient',
  regexp: /its client|the CRM contact "([^"]*)"|the new address "([^"]*)" named "([^"]*)"|the typed address "([^"]*)"|"([^"]*)" from the mail address book/,
  transformer: (crmName?: string, newAddress?: string, newName?: string, typed?: string, addressBook?: string): FormRecipient => {
    if (crmName !== undefined && crmName !== null) return { kind: 'crm', name: crmName };
    if (newAddress !== undefined && newAddress !== null) return { kind: 'new-address', address: newAddress, ...(newName ? { name: newName } : {}) };
    if (typed !== undefined && typed !== null) return { kind: 'new-address', address: typed };
    if (addressBook !== undefined && addressBook !== null) return { kind: 'address-book', address: addressBook };
    return { kind: 'client' };
  },
});

/** A position in words: `1st`, `2nd`, `3rd`, `4th` … (the number; the suffix is not checked). */
defineParameterType({ name: 'ordinal', regexp: /(\d+)(?:st|nd|rd|th)/, transformer: (n: string) => Number(n) });

/** Items of one type, counted: `leads`, `deals`, `contacts`, `companies` (or one of them: `1 company`). */
export const ITEM_TYPE_WORDS: Readonly<Record<string, ItemType>> = {
  lead: 'lead', leads: 'lead', deal: 'deal', deals: 'deal', contact: 'contact', contacts: 'contact', company: 'company', companies: 'company',
};

/** A type of CRM item, counted: `leads` or `lead`, `deals`, `contacts`, `companies`. */
defineParameterType({
  name: 'item-types',
  regexp: /leads|lead|deals|deal|contacts|contact|companies|company/,
  transformer: (words: string) => ITEM_TYPE_WORDS[words],
});

/** How an e-mail stands on the mail server, as Mail shows it: read (\Seen), unread, flagged (\Flagged), not flagged. */
export type MailState = 'read' | 'unread' | 'flagged' | 'not flagged';

/** How an e-mail stands on the mail server: `read`, `unread`, `flagged`, `not flagged`. */
defineParameterType({
  name: 'mail-state',
  regexp: /read|unread|flagged|not flagged/,
  transformer: (words: string) => words as MailState,
});
