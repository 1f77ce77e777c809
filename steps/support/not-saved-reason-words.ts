import type { NotSavedReason } from '../../src/crm/index.ts';

/** Why an e-mail was not saved, in the words a feature file uses after "because". */
export const NOT_SAVED_REASON_WORDS: Readonly<Record<string, NotSavedReason>> = {
  'it is in the spam folder': 'spam-folder',
  'spam is moved to the Inbox': 'spam-moved-to-inbox',
  'it is in the trash or drafts folder': 'trash-or-drafts',
  'CRM integration is off': 'integration-off',
  'lead creation for new addresses is off': 'new-sender-creation-off',
  'it is already in the CRM': 'already-saved',
  'it is older than the processing period': 'outside-processing-period',
  'the sender is an employee': 'sender-is-employee',
  'the sender is on the exceptions list': 'on-exceptions-list',
  'it names no sender': 'no-sender',
  'its sender address cannot be read': 'unreadable-sender',
  'the message cannot be read': 'unreadable-message',
};
