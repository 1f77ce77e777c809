import { canonicalName, type Account } from './account.ts';
import { Folder } from './folder.ts';
import { isInferior, validFolderName } from './folder-names.ts';
import type { FolderRole } from './special-use.ts';
import { assertOwns, type StoreContext } from './store-context.ts';
import { MailStoreError } from './store-error.ts';

export interface CreateFolderOptions {
  readonly role?: FolderRole;
  /** Folders the host provisions start subscribed; IMAP CREATE does not subscribe (§6.3.3). */
  readonly subscribe?: boolean;
}

/** RFC 3501 §6.3.3. Missing parents need no folder: they are listed as \Noselect levels. */
export function createFolder(ctx: StoreContext, account: Account, name: string, options: CreateFolderOptions = {}): Folder {
  const valid = validFolderName(name);
  if (account.folder(valid)) throw new MailStoreError('STORE.FOLDER_EXISTS', `The folder "${valid}" already exists`);
  const folder = account.addFolder(new Folder(valid, options.role, ctx.newUidValidity()), { subscribe: options.subscribe ?? true });
  ctx.emit({ kind: 'folder-created', account, folder });
  return folder;
}

/**
 * RFC 3501 §6.3.4: the folder and its messages go; its children stay (its name becomes a
 * \Noselect level). INBOX cannot go, and neither can a special-use folder, because mail is
 * filed into those by role. A name that is only a level above other folders cannot be deleted.
 */
export function deleteFolder(ctx: StoreContext, account: Account, name: string): Folder {
  if (canonicalName(name) === 'INBOX') throw new MailStoreError('STORE.INBOX_CANNOT_BE_DELETED', 'INBOX cannot be deleted');
  const folder = account.folder(name);
  if (!folder) {
    if (account.folders.some((other) => isInferior(other.name, name))) {
      throw new MailStoreError('STORE.FOLDER_HAS_CHILDREN', `"${name}" is only a level above other folders; delete those first`);
    }
    throw new MailStoreError('STORE.NO_SUCH_FOLDER', `The folder "${name}" does not exist`);
  }
  if (folder.role) throw new MailStoreError('STORE.SPECIAL_USE_FOLDER', `"${folder.name}" is the account's ${folder.role} folder and cannot be deleted`);
  account.removeFolder(folder);
  ctx.emit({ kind: 'folder-deleted', account, folder });
  return folder;
}

/**
 * RFC 3501 §6.3.5: renames a folder with its children (a bare level renames only its
 * children). Renaming INBOX moves its messages into a new folder and leaves INBOX empty and
 * its children where they are. Subscriptions follow the rename.
 */
export function renameFolder(ctx: StoreContext, account: Account, from: string, to: string): Folder | undefined {
  const target = validFolderName(to);
  const source = account.folder(from);
  const children = account.folders.filter((folder) => isInferior(folder.name, source?.name ?? from));
  if (!source && children.length === 0) throw new MailStoreError('STORE.NO_SUCH_FOLDER', `The folder "${from}" does not exist`);
  if (target === 'INBOX' || account.folder(target) || account.folders.some((folder) => isInferior(folder.name, target))) {
    throw new MailStoreError('STORE.FOLDER_EXISTS', `The folder "${target}" already exists`);
  }
  if (source?.name === 'INBOX') return renameInbox(ctx, account, source, target);
  const oldName = source?.name ?? from;
  if (isInferior(target, oldName)) throw new MailStoreError('STORE.RENAME_INTO_ITSELF', `"${oldName}" cannot be moved into itself`);
  for (const folder of [...(source ? [source] : []), ...children]) {
    const previous = folder.name;
    folder.rename(target + previous.slice(oldName.length));
    if (account.unsubscribe(previous)) account.subscribe(folder.name);
    ctx.emit({ kind: 'folder-renamed', account, folder, oldName: previous });
  }
  return source;
}

function renameInbox(ctx: StoreContext, account: Account, inbox: Folder, target: string): Folder {
  const folder = createFolder(ctx, account, target, { subscribe: false });
  const messages = [...inbox.messages];
  for (const message of messages) {
    const copy = folder.append(message.raw, { flags: message.flags, internalDate: message.internalDate });
    ctx.emit({ kind: 'message-added', account, folder, message: copy });
  }
  const removed = inbox.remove(messages);
  if (removed.length > 0) ctx.emit({ kind: 'messages-expunged', account, folder: inbox, messages: removed });
  return folder;
}

/** RFC 3501 §6.3.6, §6.3.7: subscriptions are names; the folder need not exist. */
export function setSubscription(ctx: StoreContext, account: Account, name: string, subscribed: boolean): void {
  if (subscribed) account.subscribe(name);
  else account.unsubscribe(name);
  ctx.emit({ kind: 'subscriptions-changed', account });
}

/** A new UIDVALIDITY for a folder, and new UIDs for all its messages (RFC 3501 §2.3.1.1). */
export function bumpUidValidity(ctx: StoreContext, account: Account, folder: Folder): number {
  assertOwns(account, folder);
  folder.renumber(ctx.newUidValidity());
  ctx.emit({ kind: 'uid-validity-changed', account, folder });
  return folder.uidValidity;
}
