export { MailStore, normaliseAddress } from './mail-store.ts';
export type { Clock, MailStoreOptions, CreateAccountOptions, MessageAddedEvent, MessageAddedListener, WaitForMessageOptions } from './mail-store.ts';
export { Account } from './account.ts';
export { Folder } from './folder.ts';
export type { StoredMessage } from './stored-message.ts';
export { SYSTEM_FLAGS } from './stored-message.ts';
export { FOLDER_ROLES, DEFAULT_FOLDERS, SPECIAL_USE_ATTRIBUTE, isFolderRole, type FolderRole } from './special-use.ts';
