import type { Account, Folder, MailStore, StoredMessage } from '../store/index.ts';

/**
 * Changes made "from another mail client" (a phone, webmail) while the client under test is
 * connected, addressed as a test names them: account address, folder name, UID. They go
 * through the store, so every open IMAP session hears of them as RFC 3501 §7.4.1 allows
 * (EXPUNGE, FETCH FLAGS; BYE for a UIDVALIDITY change of the selected mailbox). A name or UID
 * that does not exist is a mistake in the test and throws, saying what exists.
 */
export class AnotherClient {
  private readonly store: MailStore;

  constructor(store: MailStore) {
    this.store = store;
  }

  /** Deletes the message for good, whatever its flags (STORE +FLAGS \Deleted, then EXPUNGE). */
  expunge(address: string, folder: string, uid: number): void {
    const { account, box, message } = this.locate(address, folder, uid);
    this.store.removeMessages(account, box, [message]);
  }

  addFlags(address: string, folder: string, uid: number, flags: readonly string[]): void {
    const { account, box, message } = this.locate(address, folder, uid);
    this.store.setFlags(account, box, [message], 'add', flags);
  }

  removeFlags(address: string, folder: string, uid: number, flags: readonly string[]): void {
    const { account, box, message } = this.locate(address, folder, uid);
    this.store.setFlags(account, box, [message], 'remove', flags);
  }

  /** Replaces the message's flags with exactly these. */
  setFlags(address: string, folder: string, uid: number, flags: readonly string[]): void {
    const { account, box, message } = this.locate(address, folder, uid);
    this.store.setFlags(account, box, [message], 'replace', flags);
  }

  /** Moves the message to another folder of the account; returns its UID there. */
  move(address: string, folder: string, uid: number, to: string): number {
    const { account, box, message } = this.locate(address, folder, uid);
    const [copied] = this.store.moveMessages(account, box, [message], this.folder(account, to));
    if (!copied) throw new Error(`UID ${uid} could not be moved from "${folder}" to "${to}"`);
    return copied.copy.uid;
  }

  /** The server rebuilt the folder's index: every UID is void (RFC 3501 §2.3.1.1). Returns the new UIDVALIDITY. */
  bumpUidValidity(address: string, folder: string): number {
    const account = this.account(address);
    return this.store.bumpUidValidity(account, this.folder(account, folder));
  }

  private account(address: string): Account {
    const account = this.store.account(address);
    if (!account) throw new Error(`No account ${address} on the mail server; accounts: ${this.store.allAccounts.map((a) => a.address).join(', ') || 'none'}`);
    return account;
  }

  private folder(account: Account, name: string): Folder {
    const folder = account.folder(name);
    if (!folder) throw new Error(`${account.address} has no folder "${name}"; folders: ${account.folders.map((f) => f.name).join(', ')}`);
    return folder;
  }

  private locate(address: string, folder: string, uid: number): { account: Account; box: Folder; message: StoredMessage } {
    const account = this.account(address);
    const box = this.folder(account, folder);
    const message = box.byUid(uid);
    if (!message) throw new Error(`${account.address} "${box.name}" has no UID ${uid}; UIDs: ${box.messages.map((m) => m.uid).join(', ') || 'none'}`);
    return { account, box, message };
  }
}
