/**
 * Why the store refused a change. Codes are stable, so the IMAP server can map each to its
 * response code (RFC 5530) and tests can assert them; messages read well on their own.
 */
export type MailStoreErrorCode =
  | 'STORE.FOLDER_EXISTS'
  | 'STORE.NO_SUCH_FOLDER'
  | 'STORE.INVALID_FOLDER_NAME'
  | 'STORE.INBOX_CANNOT_BE_DELETED'
  | 'STORE.SPECIAL_USE_FOLDER'
  | 'STORE.FOLDER_HAS_CHILDREN'
  | 'STORE.RENAME_INTO_ITSELF';

export class MailStoreError extends Error {
  readonly code: MailStoreErrorCode;

  constructor(code: MailStoreErrorCode, message: string) {
    super(message);
    this.name = 'MailStoreError';
    this.code = code;
  }
}
