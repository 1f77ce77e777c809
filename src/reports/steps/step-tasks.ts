/**
 * The catalogue's sections: what a scenario writer wants to do, in the order a scenario goes.
 * A step's section comes from its step file and keyword (most files hold one concept), unless its
 * expression is placed elsewhere below. A step file this module does not know goes by its keyword
 * alone, so a new step always lands somewhere sensible; place it here when it belongs elsewhere.
 */
export const STEP_TASKS = [
  { id: 'setup-crm', title: 'Set up the CRM', intro: 'Employees, CRM items one at a time or as tables, CRM settings, the exceptions list and automation rules.' },
  { id: 'mailboxes', title: 'Mailboxes and their settings', intro: 'Connecting mailboxes, their settings (names, values and defaults: "Rules of thumb"), who may open them, and folders of one\'s own made on the mail server.' },
  { id: 'customers-send', title: 'Customers send mail', intro: 'Outside parties send over SMTP, as any mail server would hand mail over; the mail waits on the server until the CRM synchronises.' },
  { id: 'sync-and-save', title: 'Sync and save', intro: 'Work in Mail before the CRM synchronises (read, unread, flag, move, delete, by exact subject), the synchronisation itself, "Save to CRM", and what employees do with saved e-mails.' },
  { id: 'send-from-form', title: 'Send from a form', intro: 'What a CRM form offers and what happens when an employee sends from it (R8).' },
  { id: 'rights', title: 'Rights', intro: 'Administrators, "User can edit settings", CRM roles and their permissions (R6).' },
  { id: 'check-crm', title: 'Check the CRM', intro: 'What the CRM holds and shows: items, e-mail activities, timelines, forms, search, refusals. Leads have a status and deals a stage; contacts and companies have neither.' },
  { id: 'check-mail', title: 'Check the mail', intro: 'What Mail lists and what the mail server holds, sent and refused.' },
  { id: 'clock', title: 'The clock', intro: 'The scenario\'s virtual clock; nothing waits in real time.' },
  { id: 'faults', title: 'Faults', intro: 'What goes wrong on purpose: the mail server\'s scripted faults (also as a tag, `@fault:greylist:retry-after=5m`), the network, another mail client changing the mailbox under the CRM.' },
] as const;

export type StepTaskId = (typeof STEP_TASKS)[number]['id'];
type Keyword = 'Given' | 'When' | 'Then';

/** Where a step file's steps go, by the keyword they are defined with. */
const BY_FILE: Readonly<Record<string, Partial<Record<Keyword, StepTaskId>>>> = {
  'steps/crm-items.steps.ts': { Given: 'setup-crm', When: 'setup-crm', Then: 'check-crm' },
  'steps/email-activity.steps.ts': { When: 'sync-and-save', Then: 'check-crm' },
  'steps/history.steps.ts': { Given: 'customers-send', When: 'check-crm', Then: 'check-crm' },
  'steps/mail-actions.steps.ts': { When: 'sync-and-save', Then: 'check-mail' },
  'steps/mail-folders.steps.ts': { Given: 'mailboxes', When: 'mailboxes', Then: 'mailboxes' },
  'steps/mail-server.steps.ts': { Given: 'faults', When: 'customers-send', Then: 'check-mail' },
  'steps/mailbox.steps.ts': { Given: 'mailboxes', When: 'customers-send', Then: 'mailboxes' },
  'steps/malformed-mail.steps.ts': { Given: 'customers-send', When: 'customers-send', Then: 'check-mail' },
  'steps/rights.steps.ts': { Given: 'rights', When: 'rights', Then: 'rights' },
  'steps/sending.steps.ts': { Given: 'setup-crm', When: 'send-from-form', Then: 'send-from-form' },
};

/** A step file this module does not know: by keyword alone. */
const BY_KEYWORD: Readonly<Record<Keyword, StepTaskId>> = { Given: 'setup-crm', When: 'sync-and-save', Then: 'check-crm' };

/** Steps whose task is not their file's. */
export const TASK_OF_STEP: Readonly<Record<string, StepTaskId>> = {
  // Set up the CRM
  'the employee {string}': 'setup-crm',
  'the employees:': 'setup-crm',
  'the employee {string} with the e-mail {string}': 'setup-crm',
  '{employee} is dismissed': 'setup-crm',
  'the employee {string} of the department {string}': 'setup-crm',
  // Mailboxes
  'the mailbox {mailbox} holds a message of zero bytes': 'customers-send',
  '{employee} sets {mailbox-setting} of the mailbox {mailbox} to {string}': 'mailboxes',
  '{employee} tries to set {mailbox-setting} of the mailbox {mailbox} to {string}': 'mailboxes',
  'new items from the mailbox {mailbox} go in turn to {string}': 'mailboxes',
  'the mail server refused with {string}': 'check-mail',
  'the mail server has the folders {string} in the mailbox {mailbox}': 'check-mail',
  // Customers send mail
  '{string} has sent an e-mail to {mailbox} with the subject {string}': 'customers-send',
  // Sync and save
  'the CRM synchronises the mailbox {mailbox}': 'sync-and-save',
  '{employee} reads the e-mail {string} in the mailbox {mailbox}': 'sync-and-save',
  '{employee} moves the e-mail {string} to the folder {folder} of the mailbox {mailbox}': 'sync-and-save',
  '{employee} moves the e-mail {string} to the deal {string} with "Change deal"': 'sync-and-save',
  '{employee} tries to move the e-mail {string} to the deal {string} with "Change deal"': 'sync-and-save',
  'the lead {string} is/was converted to a deal and a contact': 'sync-and-save',
  // Send from a form
  '{employee} chooses {string} in the "Client" field of the deal {string}': 'setup-crm',
  '{string} receives the e-mail {string} from {string}': 'check-mail',
  'the e-mail {string} that {string} receives answers the e-mail {string}': 'check-mail',
  'nobody receives the e-mail {string}': 'check-mail',
  'the CRM has {int} contact(s) reached at {string}': 'check-crm',
  'a contact {string} reached at {string} is in the CRM': 'check-crm',
  'the deal {string} has no client': 'check-crm',
  'the refusal says {string}': 'check-crm',
  'the e-mail {string} is an outgoing activity, completed, whose responsible is {employee}': 'check-crm',
  'a planned activity {string} is in the form of the {item}': 'check-crm',
  // Rights
  '"Change deal" is offered for the e-mail {string}': 'check-crm',
  '"Change deal" is not offered for the e-mail {string}, because it is bound to both the lead and the deal': 'check-crm',
  'the e-mail {string} is in the form of the {item}': 'check-crm',
  'the e-mail {string} is not in the form of the {item}': 'check-crm',
  '{employee} has access to the mailbox {mailbox}': 'mailboxes',
  // Check the mail
  'Mail shows the e-mail {string} as received at {time}': 'check-mail',
  'the e-mail {string} is listed in the folder {folder} of the mailbox {mailbox}': 'check-mail',
  'the e-mail {string} in the CRM has the text {string}': 'check-crm',
  // The clock
  'it is {word}': 'clock',
  '{int} minute(s) pass(es)': 'clock',
  '{int} day(s) pass(es)': 'clock',
  // Faults
  'the network drops the CRM\'s connection to the mail server at e-mail number {int} of the next synchronisation': 'faults',
  'the network dropped the connection {int} time(s) and the CRM reconnected': 'faults',
  'the mail server cut the IMAP connection in the middle of a FETCH and the CRM reconnected': 'faults',
  'the CRM\'s last synchronisation fetched {int} e-mail(s)': 'sync-and-save',
  'another mail client deletes the e-mail {string} from {string} of {string}': 'faults',
  'the folder {string} of {string} gets a new UIDVALIDITY': 'faults',
  '{string} tries to send an e-mail to {string} with the subject {string}': 'customers-send',
};

/** Within a section, steps go by keyword (Given, When, Then), then by file in this order (people and mailboxes first), then by line. */
const FILE_ORDER = [
  'steps/mailbox.steps.ts',
  'steps/mail-folders.steps.ts',
  'steps/rights.steps.ts',
  'steps/crm-items.steps.ts',
  'steps/sending.steps.ts',
  'steps/mail-actions.steps.ts',
  'steps/email-activity.steps.ts',
  'steps/history.steps.ts',
  'steps/malformed-mail.steps.ts',
  'steps/mail-server.steps.ts',
];

export function compareInSection(a: { readonly keyword: string; readonly uri: string; readonly line: number }, b: typeof a): number {
  const keyword = (k: string) => ['Given', 'When', 'Then'].indexOf(k) + 1 || 4;
  const file = (uri: string) => (FILE_ORDER.indexOf(uri) + 1 || FILE_ORDER.length + 1);
  return keyword(a.keyword) - keyword(b.keyword) || file(a.uri) - file(b.uri) || a.uri.localeCompare(b.uri) || a.line - b.line;
}

export function taskOf(step: { readonly uri: string; readonly keyword: string; readonly expression: string }): StepTaskId {
  const placed = TASK_OF_STEP[step.expression];
  if (placed) return placed;
  const keyword = (['Given', 'When', 'Then'].includes(step.keyword) ? step.keyword : 'Given') as Keyword;
  return BY_FILE[step.uri]?.[keyword] ?? BY_KEYWORD[keyword];
}
