import { defineParameterType } from '@cucumber/cucumber';
import type { NotSavedReason } from '../../src/crm/index.ts';

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
