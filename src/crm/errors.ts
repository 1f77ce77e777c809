/**
 * Every refusal the CRM can give, as a stable code. Feature steps assert the code; reports show the
 * message. Only refusals a user can provoke are CrmErrors; a bug in this library throws a plain Error.
 */
export const CRM_ERROR_CODES = [
  'CRM.UNKNOWN_EMPLOYEE',
  'CRM.DUPLICATE_EMPLOYEE_NAME',
  'CRM.UNKNOWN_DEPARTMENT',
  'CRM.DUPLICATE_DEPARTMENT',
  'CRM.UNKNOWN_ITEM',
  'CRM.UNKNOWN_MAILBOX',
  'CRM.MAILBOX_ALREADY_CONNECTED',
  'CRM.MAILBOX_ACCESS_DENIED',
  'CRM.UNKNOWN_MAILBOX_MESSAGE',
  'CRM.SAVE_UNREADABLE_MESSAGE',
  'CRM.SAVE_NO_SENDER_ADDRESS',
  'CRM.SAVE_NO_RECIPIENT_ADDRESS',
  'CRM.SAVE_ITEM_NOT_CHOOSABLE',
  'CRM.UNKNOWN_SETTING',
  'CRM.INVALID_SETTING_VALUE',
  'CRM.UNKNOWN_FOLDER',
  'CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS',
  // Items (faq-rules §0)
  'CRM.INVALID_EMAIL_VALUE',
  'CRM.UNKNOWN_LEAD_STATUS',
  'CRM.UNKNOWN_DEAL_STAGE',
  'CRM.MISSING_ITEM_FIELD',
  'CRM.LEAD_NOT_IN_PROGRESS',
  'CRM.CONVERT_LEAD_INSTEAD',
  // CRM settings and automation (faq-rules §0, R2.9, R6.2)
  'CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS',
  'CRM.UNKNOWN_AUTOMATION_RULE',
  'CRM.INVALID_AUTOMATION_RULE',
  // Activities (R5.3)
  'CRM.UNKNOWN_ACTIVITY',
  'CRM.ACTIVITY_ALREADY_COMPLETED',
  // Access rights, "Change deal", sending from CRM forms (R6–R9)
  'CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS',
  'CRM.UNKNOWN_ROLE',
  'CRM.ITEM_ACCESS_DENIED',
  'CRM.ACTIVITY_EDIT_NOT_ALLOWED',
  'CRM.CHANGE_DEAL_NOT_ALLOWED',
  'CRM.CHANGE_DEAL_CONVERTED_LEAD',
  'CRM.CHANGE_DEAL_NOT_BOUND_TO_DEAL',
  'CRM.CHANGE_DEAL_SAME_DEAL',
  'CRM.SEND_NOT_ALLOWED',
  'CRM.SEND_NO_MAILBOX',
  'CRM.SEND_NO_RECIPIENT',
  'CRM.SEND_TOO_MANY_RECIPIENTS',
  'CRM.SEND_INVALID_ADDRESS',
  'CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED',
  'CRM.SEND_REPLY_NOT_IN_ITEM',
] as const;

export type CrmErrorCode = (typeof CRM_ERROR_CODES)[number];

export class CrmError extends Error {
  readonly code: CrmErrorCode;

  constructor(code: CrmErrorCode, message: string) {
    super(message);
    this.name = 'CrmError';
    this.code = code;
  }
}

/** True when `error` is a CrmError, optionally with the given code. */
export function isCrmError(error: unknown, code?: CrmErrorCode): error is CrmError {
  return error instanceof CrmError && (code === undefined || error.code === code);
}
