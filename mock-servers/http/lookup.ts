import type { Account, Folder, MailStore, StoredMessage } from '../store/index.ts';
import { HttpProblem } from './problem.ts';

/** Finding what a URL names, or a 404 that says what exists instead. */

export function findAccount(store: MailStore, address: string): Account {
  const account = store.account(address);
  if (account) return account;
  const accounts = store.allAccounts.map((a) => a.address);
  throw new HttpProblem(404, 'ACCOUNT.NOT_FOUND', `No account ${address} on the mail server; accounts: ${accounts.join(', ') || 'none'}`, { accounts });
}

export function findFolder(account: Account, name: string): Folder {
  const folder = account.folder(name);
  if (folder) return folder;
  const folders = account.folders.map((f) => f.name);
  throw new HttpProblem(404, 'FOLDER.NOT_FOUND', `${account.address} has no folder "${name}"; folders: ${folders.join(', ')}`, { folders });
}

export function findMessage(account: Account, folder: Folder, uidText: string): StoredMessage {
  const uid = /^\d{1,10}$/.test(uidText) ? Number(uidText) : NaN;
  const message = Number.isNaN(uid) ? undefined : folder.messages.find((m) => m.uid === uid);
  if (message) return message;
  const uids = folder.messages.map((m) => m.uid);
  const shown = uids.length > 50 ? `${uids.slice(0, 50).join(', ')}, …` : uids.join(', ');
  throw new HttpProblem(404, 'MESSAGE.NOT_FOUND', `${account.address}/${folder.name} has no message with UID ${uidText}; UIDs: ${shown || 'none (the folder is empty)'}`, { uids });
}
