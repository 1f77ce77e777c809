export { Crm, type CrmOptions } from './crm.ts';
export { CrmError, CRM_ERROR_CODES, isCrmError, type CrmErrorCode } from './errors.ts';
export { sequentialIds, type Clock, type IdKind, type IdSource } from './ids.ts';

export type { Employee, NewEmployee } from './employees/employee.ts';
export { mayEditSettings } from './employees/may-edit-settings.ts';
export { CRM_MODES, CRM_SETTING_LABELS, CRM_SETTING_NAMES, DEFAULT_CRM_SETTINGS, type CrmMode, type CrmSettings, type CrmSettingName } from './settings/crm-settings.ts';

export type { ItemRef, ItemType } from './items/item-ref.ts';
export { formatRef, sameRef } from './items/item-ref.ts';
export { EMAIL_TYPES, type EmailInput, type EmailType, type EmailValue } from './items/email-value.ts';
export type { CompanyInput, ContactInput, DealClient, DealInput, ItemInput, LeadInput } from './items/item-service.ts';
export type { CrmItem } from './items/item-store.ts';
export type { ConvertLeadOptions, LeadConversion } from './items/lead-conversion.ts';
export type { CrmItemCommon, Semantic } from './items/crm-item.ts';
export { LEAD_STATUSES, EMAIL_LEAD_SOURCE, leadSemantic, isLeadInProgress, isLeadClosed, parseLeadStatus, type Lead, type LeadStatus } from './items/lead.ts';
export { DEAL_STAGES, dealSemantic, isDealActive, parseDealStage, type Deal, type DealStage } from './items/deal.ts';
export type { Contact } from './items/contact.ts';
export type { Company } from './items/company.ts';

export { activityShownTime, NO_SUBJECT, type EmailActivity, type EmailDirection } from './activities/email-activity.ts';
export type { TimelineEntry, ActivityTimelineEntry, SystemTimelineEntry, SystemEntryTitle } from './timeline/timeline-entry.ts';

export type { ConnectedMailbox } from './mailboxes/connected-mailbox.ts';
export type { ConnectMailboxInput } from './mailboxes/mailbox-registry.ts';
export type { MailboxFolder } from './mailboxes/folder-path.ts';
export type { Address, InboundMailboxMessage, MailboxMessage } from './mailboxes/mailbox-message.ts';
export {
  MAILBOX_SETTING_NAMES,
  NEW_SENDER_ENTITIES,
  PROCESS_PERIODS,
  processFrom,
  defaultMailboxSettings,
  type ProcessPeriod,
  type MailboxSettings,
  type MailboxSettingName,
  type NewSenderEntity,
} from './mailboxes/mailbox-settings.ts';

export { normaliseEmail } from './matching/normalise.ts';

export {
  NOT_SAVED_EXPLANATIONS,
  type IntakeOutcome,
  type NotSavedOutcome,
  type NotSavedReason,
  type SavedOutcome,
} from './routing/outcome.ts';
export type { MailboxMessageStatus } from './routing/message-status.ts';
export { NOT_SAVED_PRECEDENCE } from './routing/reason-precedence.ts';
export {
  READING_PROBLEM_EXPLANATIONS,
  explainReadingProblem,
  hasReadingProblem,
  type ReadingProblem,
  type ReadingProblemCode,
} from './mailboxes/reading-problems.ts';

export { ACCESS_LEVELS, CRM_ACTIONS, isAccessLevel, isCrmAction, widerLevel, type AccessLevel, type CrmAction } from './rights/access-level.ts';
export { DEFAULT_ROLES, uniformPermissions, type Role, type RolePermissions } from './rights/role.ts';
export { changeDealOffer, type ChangeDealOffer } from './activities/change-deal.ts';
export { buildThreads, flattenThreads, type EmailThread } from './search/threads.ts';
export { searchEmails, foldForSearch, SEARCH_FIELDS, type EmailSearch, type SearchField } from './search/email-search.ts';
export type { FollowUpActivity } from './activities/follow-up.ts';
export type { FollowUpTimelineEntry } from './timeline/timeline-entry.ts';
export { MAX_RECIPIENTS, type SendFromFormInput, type SentFromForm } from './sending/send-from-form.ts';
export type { RecipientChoice, PlannedRecipient } from './sending/recipient-choice.ts';
export type { RecipientOption, SendingAvailability } from './sending/recipient-options.ts';
export { crmMessageId, type OutgoingMessage } from './sending/outgoing-message.ts';
export type { SendingSettings } from './sending/sending-settings.ts';
export { toWireAddress } from './sending/wire-address.ts';
export type { AutomationAction, AutomationCondition, AutomationRule, AutomationRun, NewAutomationRule } from './automation/automation-rule.ts';
export { normaliseMessageId } from './activities/message-id.ts';
