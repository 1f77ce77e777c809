import { waitForEvent } from '../shared/wait-for-event.ts';
import { Account } from './account.ts';
import { Folder } from './folder.ts';
import { DEFAULT_FOLDERS, type FolderRole } from './special-use.ts';
import type { StoredMessage } from './stored-message.ts';

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

/** In-memory mail store shared by the SMTP and IMAP servers. Knows nothing of any protocol. */
export class MailStore {
  private readonly accounts = new Map<string, Account>();
  private readonly listeners = new Set<MessageAddedListener>();
  private nextUidValidity: number;
  readonly clock: Clock;

  constructor(options: MailStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.nextUidValidity = options.firstUidValidity ?? 1;
  }

  createAccount(options: CreateAccountOptions): Account {
    const key = normaliseAddress(options.address);
    if (this.accounts.has(key)) throw new Error(`Account ${options.address} already exists`);
    const account = new Account(key, options.password);
    for (const spec of options.folders ?? DEFAULT_FOLDERS) {
      account.addFolder(new Folder(spec.name, spec.role, this.nextUidValidity++));
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

  /** Stores a message and tells every listener; INTERNALDATE defaults to the store's clock. */
  deliver(account: Account, folder: Folder, raw: Buffer, options: { flags?: Iterable<string>; internalDate?: Date } = {}): StoredMessage {
    const message = folder.append(raw, { flags: options.flags, internalDate: options.internalDate ?? this.clock() });
    const event: MessageAddedEvent = { account, folder, message };
    for (const listener of [...this.listeners]) listener(event);
    return message;
  }

  onMessageAdded(listener: MessageAddedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
