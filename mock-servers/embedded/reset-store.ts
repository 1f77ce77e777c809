import { canonicalName, type MailStore } from '../store/index.ts';

/**
 * Empties every account through the store's own operations, so open IMAP sessions hear of it
 * as of another client's doing (EXPUNGE; BYE when their selected folder is deleted): folders
 * without a special use go, deepest first so no parent is left with children, every message
 * of the rest is removed, and the subscriptions become exactly the remaining folders.
 */
export function resetStore(store: MailStore): void {
  for (const account of store.allAccounts) {
    const ownFolders = account.folders
      .filter((folder) => folder.role === undefined && canonicalName(folder.name) !== 'INBOX')
      .sort((a, b) => b.name.length - a.name.length);
    for (const folder of ownFolders) store.deleteFolder(account, folder.name);
    for (const folder of account.folders) {
      if (folder.messages.length > 0) store.removeMessages(account, folder, [...folder.messages]);
    }
    const kept = new Set(account.folders.map((folder) => canonicalName(folder.name)));
    for (const name of account.subscriptions) if (!kept.has(name)) store.unsubscribe(account, name);
    for (const folder of account.folders) if (!account.isSubscribed(folder.name)) store.subscribe(account, folder.name);
  }
}
