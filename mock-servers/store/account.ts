import { Folder } from './folder.ts';
import type { FolderRole } from './special-use.ts';

/** A mail account: one login, one password, its folders. */
export class Account {
  readonly address: string;
  readonly password: string;
  private readonly folderList: Folder[] = [];

  constructor(address: string, password: string) {
    this.address = address;
    this.password = password;
  }

  get folders(): readonly Folder[] {
    return this.folderList;
  }

  addFolder(folder: Folder): Folder {
    if (this.folder(folder.name)) throw new Error(`Folder "${folder.name}" already exists in ${this.address}`);
    this.folderList.push(folder);
    return folder;
  }

  /** INBOX is case-insensitive (RFC 3501 §5.1); other names are matched exactly. */
  folder(name: string): Folder | undefined {
    const wanted = name.toUpperCase() === 'INBOX' ? 'INBOX' : name;
    return this.folderList.find((f) => (f.name.toUpperCase() === 'INBOX' ? 'INBOX' : f.name) === wanted);
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
}
