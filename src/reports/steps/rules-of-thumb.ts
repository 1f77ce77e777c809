import { CRM_ERROR_CODES, DEFAULT_CRM_SETTINGS, defaultMailboxSettings, NOT_SAVED_PRECEDENCE, type CrmErrorCode } from '../../crm/index.ts';
// The catalogue describes the words feature files use, so it reads them where the steps keep them
// (files without side effects; the step definitions themselves are loaded by Cucumber).
import { CRM_SETTING_WORDS } from '../../../steps/support/crm-setting-words.ts';
import { MAILBOX_SETTINGS } from '../../../steps/support/mailbox-setting-words.ts';
import { NOT_SAVED_REASON_WORDS } from '../../../steps/support/not-saved-reason-words.ts';

/**
 * "Rules of thumb" in the step catalogue: what a scenario writer would otherwise have to guess.
 * Defaults and the order of reasons come from the CRM's own code, so they cannot drift from it.
 */

/** The folders every account of the mock mail server starts with, as its LIST shows them (RFC 6154). */
const SERVER_FOLDERS = [
  { path: 'INBOX' },
  { path: 'Sent', specialUse: '\\Sent' },
  { path: 'Spam', specialUse: '\\Junk' },
  { path: 'Trash', specialUse: '\\Trash' },
  { path: 'Drafts', specialUse: '\\Drafts' },
];

/** The refusals each "tries to" step can keep for `the CRM refuses with {string}`, and when. */
export const REFUSALS: ReadonlyArray<{ readonly step: string; readonly codes: ReadonlyArray<readonly [CrmErrorCode, string]> }> = [
  {
    step: '{employee} tries to click "Save to CRM" next to the e-mail {string}',
    codes: [
      ['CRM.MAILBOX_ACCESS_DENIED', 'the employee has no access to the mailbox, whatever their CRM role (R3.1)'],
      ['CRM.SAVE_NO_SENDER_ADDRESS', 'the e-mail names no sender address that can be read'],
      ['CRM.SAVE_NO_RECIPIENT_ADDRESS', 'a sent e-mail names no recipient'],
      ['CRM.SAVE_UNREADABLE_MESSAGE', 'the message could not be read at all'],
    ],
  },
  {
    step: '{employee} tries to set {mailbox-setting} of the mailbox {mailbox} to {string}',
    codes: [
      ['CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS', 'only the employee who connected the mailbox or an administrator may (R4.3)'],
      ['CRM.UNKNOWN_FOLDER', 'the folder was not on the server when the CRM last synchronised the mailbox'],
      ['CRM.INVALID_SETTING_VALUE', 'a value the setting does not take'],
    ],
  },
  {
    step: '{employee} tries to set the CRM setting {crm-setting} to {string}',
    codes: [
      ['CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS', 'neither an administrator nor "User can edit settings" (R6.2)'],
      ['CRM.INVALID_SETTING_VALUE', 'a value the setting does not take'],
    ],
  },
  { step: '{employee} tries to add {string} to the CRM\'s exceptions list', codes: [['CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS', 'as for CRM settings (R6.2)']] },
  {
    step: '{employee} tries to add the automation rule {string}: when an e-mail is saved to a lead in the status {string}, change the status to {string}',
    codes: [['CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS', 'as for CRM settings (R6.2)']],
  },
  {
    step: '{employee} tries to complete the e-mail activity {string}',
    codes: [
      ['CRM.ACTIVITY_ALREADY_COMPLETED', 'it is completed already'],
      ['CRM.ACTIVITY_EDIT_NOT_ALLOWED', 'no permission to edit activities of the item that owns the e-mail'],
    ],
  },
  {
    step: '{employee} tries to set the {crm-action} permission for {item-type} items of the CRM role {string} to {access-level}',
    codes: [
      ['CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS', 'only an administrator changes access permissions (R6.1, R6.2)'],
      ['CRM.UNKNOWN_ROLE', 'no role of that name'],
    ],
  },
  {
    step: '{employee} tries to give {employee} the CRM role {string}',
    codes: [
      ['CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS', 'only an administrator gives roles, to others and to themselves (R6.2)'],
      ['CRM.UNKNOWN_ROLE', 'no role of that name'],
    ],
  },
  {
    step: '{employee} tries to move the e-mail {string} to the deal {string} with "Change deal"',
    codes: [
      ['CRM.CHANGE_DEAL_NOT_ALLOWED', 'no right to edit both deals (R7.1)'],
      ['CRM.CHANGE_DEAL_CONVERTED_LEAD', 'the e-mail is bound to a lead and the deal made from it (R7.2)'],
      ['CRM.CHANGE_DEAL_SAME_DEAL', 'it is in that deal already'],
      ['CRM.CHANGE_DEAL_NOT_BOUND_TO_DEAL', 'the e-mail is bound to no deal'],
    ],
  },
  {
    step: '{employee} tries to send an e-mail from the {item} to {recipient} with the subject {string}',
    codes: [
      ['CRM.SEND_NO_RECIPIENT', 'the form has nobody to send to (R8.1)'],
      ['CRM.SEND_NOT_ALLOWED', 'no permission to edit activities of the item sent from (R8.5)'],
      ['CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED', 'an address outside the CRM while "Allow sending e-mails to arbitrary addresses" is off (R8.4)'],
      ['CRM.SEND_INVALID_ADDRESS', 'a typed address that is not an address'],
      ['CRM.SEND_TOO_MANY_RECIPIENTS', 'more recipients than a form takes'],
      ['CRM.SEND_NO_MAILBOX', 'the employee has no mailbox to send from, connected or shared'],
      ['CRM.MAILBOX_ACCESS_DENIED', 'no access to the mailbox it would go from'],
    ],
  },
];

/** The codes named above that the CRM does not have: a test keeps this empty. */
export function unknownRefusalCodes(): string[] {
  return REFUSALS.flatMap((r) => r.codes.map(([code]) => code)).filter((code) => !(CRM_ERROR_CODES as readonly string[]).includes(code));
}

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderRulesOfThumb(): string[] {
  const mailboxDefaults = defaultMailboxSettings(0, SERVER_FOLDERS) as unknown as Record<string, unknown>;
  const reasonWords = new Map(Object.entries(NOT_SAVED_REASON_WORDS).map(([words, reason]) => [reason, words]));
  const crmDefaults = DEFAULT_CRM_SETTINGS as unknown as Record<string, unknown>;
  const showCrm = (value: unknown) => (typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));
  return [
    '## Rules of thumb',
    '',
    '**Mailbox settings**, by the name steps give them (`{mailbox-setting}`), the values they take in words, and what a newly connected mailbox has.'
      + ' A folder role follows the folder the server marks for it; a folder the CRM\'s last synchronisation did not list cannot be chosen,'
      + ' and a role whose folder has gone from the server (deleted, or renamed: a new folder to the CRM) is back at its default.'
      + ' New items from a mailbox go to the employee who connected it unless `new items from the mailbox … go in turn to …` says otherwise.',
    '',
    '| setting | values | default |',
    '|---|---|---|',
    ...MAILBOX_SETTINGS.map((s) => `| ${code(s.name)} | ${cell(s.values)} | ${code(s.show(mailboxDefaults[s.key]))} |`),
    '',
    '**CRM settings** (`{crm-setting}`), as every scenario starts:',
    '',
    '| setting | default |',
    '|---|---|',
    ...Object.values(CRM_SETTING_WORDS).map((s) => `| ${code(s.name)} | ${code(showCrm(crmDefaults[s.key]))} |`),
    '',
    '**Which reason wins.** When several reasons keep an e-mail out of the CRM, `the e-mail … is not saved to the CRM because …` names the first that applies, in this order'
      + ' (a reply to an e-mail the CRM sent skips the processing period, R2.8; "Save to CRM" by hand skips the mailbox\'s switch, folders and period, R3.2):',
    '',
    ...NOT_SAVED_PRECEDENCE.map((reason, i) => `${i + 1}. ${reasonWords.has(reason) ? code(reasonWords.get(reason)!) : code(reason)}`),
    '',
    '**Refusal codes.** A step written "tries to …" keeps the CRM\'s refusal instead of failing; `the CRM refuses with {string}` checks its code, `the refusal says {string}` its words.',
    '',
    '| step | code | when |',
    '|---|---|---|',
    ...REFUSALS.flatMap((r) => r.codes.map(([refusal, when], i) => `| ${i === 0 ? code(r.step) : ''} | ${code(refusal)} | ${cell(when)} |`)),
  ];
}
