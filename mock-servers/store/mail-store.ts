import { waitForEvent } from '../shared/wait-for-event.ts';
import { Account } from './account.ts';
import { Folder } from './folder.ts';
import * as folders from './folder-operations.ts';
import * as messages from './message-operations.ts';
import { DEFAULT_FOLDERS, type FolderRole } from './special-use.ts';
import type { StoreContext } from './store-context.ts';
import type { MailStoreListener } from './store-events.ts';
import type { StoredMessage } from './stored-message.ts';
import { accountsFrom, takeSnapshot, type StoreSnapshot } from './store-snapshot.ts';

export type Clock = () => Date;

export interface MessageAddedEvent {
  readonly account: Account;
  readonly folder: Folder;
  readonly message: StoredMessage;
}

export type MessageAddedListener = (event: MessageAddedEvent) => void;

export interface MailStoreOptions {
  /** Source of INTERNALDATE for every stored message; defaults to the wall clock. */
  clock?: Clock;
  /** First UIDVALIDITY handed out; later folders count up from it, so runs are repeatable. */
  firstUidValidity?: number;
}

export interface CreateAccountOptions {
  address: string;
  password: string;
  folders?: ReadonlyArray<{ name: string; role?: FolderRole }>;
}

export interface WaitForMessageOptions {
  /** Fails the wait (never resolves it) after this long; a guard, not a way of pacing a test. */
  timeoutMs?: number;
}

/**
 * In-memory mail store shared by the SMTP and IMAP servers. Knows nothing of any protocol.
 * Every change goes through a method here and is announced to `onChange` listeners, so IMAP
 * sessions notice changes made by other sessions, by SMTP delivery or by a test acting as
 * another client. Refusals are MailStoreErrors with stable codes.
 */
export class MailStore {
  private readonly accounts = new Map<string, Account>();
  private readonly listeners = new Set<MailStoreListener>();
  private nextUidValidity: number;
  readonly clock: Clock;
  private readonly context: StoreContext;

  constructor(options: MailStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.nextUidValidity = options.firstUidValidity ?? 1;
    this.context = {
      emit: (event) => {
        for (const listener of [...this.listeners]) listener(event);
      },
      newUidValidity: () => this.nextUidValidity++,
      clock: this.clock,
    };
  }

  createAccount(options: CreateAccountOptions): Account {
    const key = normaliseAddress(options.address);
    if (this.accounts.has(key)) throw new Error(`Account ${options.address} already exists`);
    const account = new Account(key, options.password);
    for (const spec of options.folders ?? DEFAULT_FOLDERS) {
      account.addFolder(new Folder(spec.name, spec.role, this.context.newUidValidity()));
    }
    this.accounts.set(key, account);
    return account;
  }

  account(address: string): Account | undefined {
    return this.accounts.get(normaliseAddress(address));
  }

  requireAccount(address: string): Account {
    const account = this.account(address);
    if (!account) throw new Error(`No account ${address} in the mail store`);
    return account;
  }

  get allAccounts(): readonly Account[] {
    return [...this.accounts.values()];
  }

  /** The login check both servers use. Returns the account, or undefined for any mismatch. */
  authenticate(user: string, password: string): Account | undefined {
    const account = this.account(user);
    return account && account.password === password ? account : undefined;
  }

  /** Stores a message (delivery or APPEND); INTERNALDATE defaults to the store's clock. */
  deliver(account: Account, folder: Folder, raw: Buffer, options: { flags?: Iterable<string>; internalDate?: Date } = {}): StoredMessage {
    if (!account.owns(folder)) throw new Error(`Folder "${folder.name}" does not belong to ${account.address}`);
    const message = folder.append(raw, { flags: options.flags, internalDate: options.internalDate ?? this.clock() });
    this.context.emit({ kind: 'message-added', account, folder, message });
    return message;
  }

  /** Every change, as it happens. Returns the function that stops listening. */
  onChange(listener: MailStoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onMessageAdded(listener: MessageAddedListener): () => void {
    return this.onChange((event) => {
      if (event.kind === 'message-added') listener({ account: event.account, folder: event.folder, message: event.message });
    });
  }

  // Folders (RFC 3501 §6.3.3-§6.3.7).

  createFolder(account: Account, name: string, options?: folders.CreateFolderOptions): Folder {
    return folders.createFolder(this.context, account, name, options);
  }

  deleteFolder(account: Account, name: string): Folder {
    return folders.deleteFolder(this.context, account, name);
  }

  /** The folder now called `to`; undefined when `from` was a bare level and only children moved. */
  renameFolder(account: Account, from: string, to: string): Folder | undefined {
    return folders.renameFolder(this.context, account, from, to);
  }

  subscribe(account: Account, name: string): void {
    folders.setSubscription(this.context, account, name, true);
  }

  unsubscribe(account: Account, name: string): void {
    folders.setSubscription(this.context, account, name, false);
  }

  /** Voids every UID of the folder, as a server rebuilding its index does; returns the new UIDVALIDITY. */
  bumpUidValidity(account: Account, folder: Folder): number {
    return folders.bumpUidValidity(this.context, account, folder);
  }

  // Messages.

  copyMessages(account: Account, from: Folder, list: readonly StoredMessage[], to: Folder): messages.CopiedMessage[] {
    return messages.copyMessages(this.context, account, from, list, to);
  }

  moveMessages(account: Account, from: Folder, list: readonly StoredMessage[], to: Folder): messages.CopiedMessage[] {
    return messages.moveMessages(this.context, account, from, list, to);
  }

  /**
   * Copies prepared beforehand (prepareCopy) placed in one step, the originals removed for a
   * move: how COPY and MOVE of many messages stay atomic while preparing in slices.
   */
  commitCopies(account: Account, from: Folder, prepared: readonly messages.PreparedCopy[], to: Folder, move: boolean): readonly messages.CopiedMessage[] {
    return messages.commitCopies(this.context, account, from, prepared, to, move);
  }

  /** Removes the messages flagged \Deleted (only those `only` accepts, when given). */
  expunge(account: Account, folder: Folder, only?: (message: StoredMessage) => boolean): StoredMessage[] {
    return messages.expunge(this.context, account, folder, only);
  }

  /** Removes messages whatever their flags: another client's STORE \Deleted and EXPUNGE in one. */
  removeMessages(account: Account, folder: Folder, list: Iterable<StoredMessage>): StoredMessage[] {
    return messages.removeMessages(this.context, account, folder, list);
  }

  /** Returns the messages whose flags changed. */
  setFlags(account: Account, folder: Folder, list: Iterable<StoredMessage>, operation: messages.FlagOperation, flags: readonly string[]): StoredMessage[] {
    return messages.setFlags(this.context, account, folder, list, operation, flags);
  }

  /** The whole store as plain data (see StoreSnapshot); later changes do not touch it. */
  snapshot(): StoreSnapshot {
    return takeSnapshot(this.accounts.values(), this.nextUidValidity);
  }

  /**
   * Puts the store back as the snapshot had it. The accounts, folders and messages are new
   * objects: whoever held the old ones (an open IMAP session) must start again, which is why
   * the mail server ends its sessions before restoring. Announces nothing.
   */
  restore(snapshot: StoreSnapshot): void {
    const accounts = accountsFrom(snapshot);
    this.accounts.clear();
    for (const account of accounts) this.accounts.set(normaliseAddress(account.address), account);
    this.nextUidValidity = snapshot.nextUidValidity;
  }

  /** Resolves with the first message, already stored or arriving later, that matches (see waitForEvent). */
  waitForMessage(predicate: (event: MessageAddedEvent) => boolean, options: WaitForMessageOptions = {}): Promise<MessageAddedEvent> {
    const source = { existing: this.storedMessages(), subscribe: (listener: MessageAddedListener) => this.onMessageAdded(listener) };
    return waitForEvent(source, predicate, options.timeoutMs ?? 5000, 'matching message');
  }

  private *storedMessages(): Generator<MessageAddedEvent> {
    for (const account of this.accounts.values()) {
      for (const folder of account.folders) {
        for (const message of folder.messages) yield { account, folder, message };
      }
    }
  }
}

/** Mail addresses are matched case-insensitively and without surrounding space. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}
