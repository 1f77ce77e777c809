import { Account } from './account.ts';
import { Folder } from './folder.ts';
import type { FolderRole } from './special-use.ts';
import type { StoredMessage } from './stored-message.ts';

/**
 * The whole store as plain data: accounts, folders in order with their UIDVALIDITY, UIDNEXT
 * and messages (UID, flags, INTERNALDATE, octets, whether still \Recent for nobody), the
 * subscriptions, and the next UIDVALIDITY to hand out. Restoring it gives a store no client
 * can tell from the one snapshotted (RFC 3501 §2.3.1.1: the same UIDs under the same
 * UIDVALIDITY mean the same messages).
 */
export interface StoreSnapshot {
  readonly nextUidValidity: number;
  readonly accounts: readonly AccountSnapshot[];
}

export interface AccountSnapshot {
  readonly address: string;
  readonly password: string;
  readonly subscriptions: readonly string[];
  readonly folders: readonly FolderSnapshot[];
}

export interface FolderSnapshot {
  readonly name: string;
  readonly role: FolderRole | undefined;
  readonly uidValidity: number;
  readonly uidNext: number;
  readonly messages: readonly MessageSnapshot[];
}

export interface MessageSnapshot {
  readonly uid: number;
  readonly flags: readonly string[];
  readonly internalDate: Date;
  readonly raw: Buffer;
  /** No read-write session has claimed its \Recent flag yet. */
  readonly unclaimedRecent: boolean;
}

export function takeSnapshot(accounts: Iterable<Account>, nextUidValidity: number): StoreSnapshot {
  return {
    nextUidValidity,
    accounts: [...accounts].map((account) => ({
      address: account.address,
      password: account.password,
      subscriptions: [...account.subscriptions],
      folders: account.folders.map((folder) => ({
        name: folder.name,
        role: folder.role,
        uidValidity: folder.uidValidity,
        uidNext: folder.uidNext,
        messages: folder.messages.map((message) => ({
          uid: message.uid,
          flags: [...message.flags],
          internalDate: new Date(message.internalDate.getTime()),
          raw: message.raw,
          unclaimedRecent: folder.isUnclaimedRecent(message),
        })),
      })),
    })),
  };
}

/** New accounts built from a snapshot; nothing is shared with the store it was taken from. */
export function accountsFrom(snapshot: StoreSnapshot): Account[] {
  return snapshot.accounts.map((spec) => {
    const account = new Account(spec.address, spec.password);
    for (const folderSpec of spec.folders) {
      const folder = new Folder(folderSpec.name, folderSpec.role, folderSpec.uidValidity);
      const messages = folderSpec.messages.map((m): StoredMessage & { unclaimedRecent: boolean } => ({
        uid: m.uid,
        flags: new Set(m.flags),
        internalDate: new Date(m.internalDate.getTime()),
        size: m.raw.length,
        raw: m.raw,
        unclaimedRecent: m.unclaimedRecent,
      }));
      folder.load(
        messages.map(({ unclaimedRecent: _recent, ...message }) => message),
        folderSpec.uidNext,
        messages.map((m) => m.unclaimedRecent),
      );
      account.addFolder(folder, { subscribe: false });
    }
    for (const name of spec.subscriptions) account.subscribe(name);
    return account;
  });
}
