import { MailStoreError, type MailStoreErrorCode } from '../../store/index.ts';
import { no, type Completion } from './contract.ts';

/** The RFC 5530 response code for each store refusal, where one fits. */
const RESPONSE_CODES: Readonly<Record<MailStoreErrorCode, string | undefined>> = {
  'STORE.FOLDER_EXISTS': 'ALREADYEXISTS',
  'STORE.NO_SUCH_FOLDER': 'NONEXISTENT',
  'STORE.INVALID_FOLDER_NAME': 'CANNOT',
  'STORE.INBOX_CANNOT_BE_DELETED': 'CANNOT',
  'STORE.SPECIAL_USE_FOLDER': 'CANNOT',
  'STORE.FOLDER_HAS_CHILDREN': undefined,
  'STORE.RENAME_INTO_ITSELF': 'CANNOT',
};

/** Runs a store change; a refusal becomes `NO [code] reason`, anything else is a bug and is rethrown. */
export function orRefusal(action: () => Completion): Completion {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof MailStoreError)) throw error;
    const code = RESPONSE_CODES[error.code];
    return no(error.message, code === undefined ? {} : { code });
  }
}
