import { Folder } from './folder.ts';
import type { FolderRole } from './special-use.ts';

/** A mail account: one login, one password, its folders and its subscriptions. */
export class Account {
  readonly address: string;
  readonly password: string;
  private readonly folderList: Folder[] = [];
  /**
   * Subscribed names (RFC 3501 §6.3.6). Names, not folders: a subscription outlives the
   * folder it names, and may name one that does not exist yet.
   */
  private readonly subscribedNames = new Set<string>();

  constructor(address: string, password: string) {
    this.address = address;
    this.password = password;
  }

  get folders(): readonly Folder[] {
    return this.folderList;
  }

  /** Adds a folder as provisioned by the mail host: subscribed, as hosted mail sets it up. */
  addFolder(folder: Folder, options: { subscribe?: boolean } = {}): Folder {
    if (this.folder(folder.name)) throw new Error(`Folder "${folder.name}" already exists in ${this.address}`);
    this.folderList.push(folder);
    if (options.subscribe ?? true) this.subscribe(folder.name);
    return folder;
  }

  /** Takes a folder out of the account; its subscription stays (RFC 3501 §6.3.6). */
  removeFolder(folder: Folder): void {
    const index = this.folderList.indexOf(folder);
    if (index >= 0) this.folderList.splice(index, 1);
  }

  owns(folder: Folder): boolean {
    return this.folderList.includes(folder);
  }

  /** INBOX is case-insensitive (RFC 3501 §5.1); other names are matched exactly. */
  folder(name: string): Folder | undefined {
    const wanted = canonicalName(name);
    return this.folderList.find((f) => canonicalName(f.name) === wanted);
  }

  folderByRole(role: FolderRole): Folder | undefined {
    return this.folderList.find((f) => f.role === role);
  }

  /** The folder for a role; every account is created with all roles, so a miss is a bug. */
  requireFolderByRole(role: FolderRole): Folder {
    const folder = this.folderByRole(role);
    if (!folder) throw new Error(`Account ${this.address} has no ${role} folder`);
    return folder;
  }

  get subscriptions(): readonly string[] {
    return [...this.subscribedNames];
  }

  isSubscribed(name: string): boolean {
    return this.subscribedNames.has(canonicalName(name));
  }

  subscribe(name: string): void {
    this.subscribedNames.add(canonicalName(name));
  }

  unsubscribe(name: string): boolean {
    return this.subscribedNames.delete(canonicalName(name));
  }
}

/** INBOX in any case is INBOX; every other name is itself. */
export function canonicalName(name: string): string {
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : name;
}
