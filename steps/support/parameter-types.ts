import { defineParameterType } from '@cucumber/cucumber';
import type { NotSavedReason } from '../../src/crm/index.ts';
import { ACCESS_LEVELS, type AccessLevel, type CrmAction, type ItemType, type SearchField } from '../../src/crm/index.ts';
import type { FormRecipient } from '../../src/simulation/index.ts';

/** Why an e-mail was not saved, in the words a feature file uses after "because". */
export const NOT_SAVED_REASON_WORDS: Readonly<Record<string, NotSavedReason>> = {
  'it is in the spam folder': 'spam-folder',
  'it is in the trash or drafts folder': 'trash-or-drafts',
  'CRM integration is off': 'integration-off',
  'lead creation for new addresses is off': 'new-sender-creation-off',
  'it is already in the CRM': 'already-saved',
};

defineParameterType({
  name: 'not-saved-reason',
  regexp: new RegExp(Object.keys(NOT_SAVED_REASON_WORDS).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
  transformer: (words: string) => NOT_SAVED_REASON_WORDS[words],
});

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
  regexp: new RegExp(`"(${ACCESS_LEVELS.join('|')})"`),
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
