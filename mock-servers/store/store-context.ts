import type { Account } from './account.ts';
import type { Folder } from './folder.ts';
import type { MailStoreEvent } from './store-events.ts';

/** What the store's operations need from the store itself. */
export interface StoreContext {
  emit(event: MailStoreEvent): void;
  /** A UIDVALIDITY never handed out before in this store (RFC 3501 §2.3.1.1). */
  newUidValidity(): number;
  readonly clock: () => Date;
}

/** One account never reaches another's folders: a mix-up is a bug in the caller. */
export function assertOwns(account: Account, folder: Folder): void {
  if (!account.owns(folder)) throw new Error(`Folder "${folder.name}" does not belong to ${account.address}`);
}
