import type { Account } from './account.ts';
import type { Folder } from './folder.ts';
import type { StoredMessage } from './stored-message.ts';

/**
 * Everything that changes in the store, as it happens, so IMAP sessions can tell their clients
 * (RFC 3501 §5.2) whoever caused it: an IMAP command, an SMTP delivery or a test acting as
 * another client.
 */
export type MailStoreEvent =
  | { readonly kind: 'message-added'; readonly account: Account; readonly folder: Folder; readonly message: StoredMessage }
  | { readonly kind: 'messages-expunged'; readonly account: Account; readonly folder: Folder; readonly messages: readonly StoredMessage[] }
  | { readonly kind: 'flags-changed'; readonly account: Account; readonly folder: Folder; readonly messages: readonly StoredMessage[] }
  /** Every message got a new UID: whatever a client remembers of this folder is void. */
  | { readonly kind: 'uid-validity-changed'; readonly account: Account; readonly folder: Folder }
  | { readonly kind: 'folder-created'; readonly account: Account; readonly folder: Folder }
  | { readonly kind: 'folder-deleted'; readonly account: Account; readonly folder: Folder }
  | { readonly kind: 'folder-renamed'; readonly account: Account; readonly folder: Folder; readonly oldName: string }
  | { readonly kind: 'subscriptions-changed'; readonly account: Account };

export type MailStoreListener = (event: MailStoreEvent) => void;
