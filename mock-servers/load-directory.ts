import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { MailStore } from './store/index.ts';

/**
 * `--load DIR`: files every `.eml` under DIR into the store, by where it lies:
 *
 *   DIR/<account address>/<folder>/<name>.eml     (folder INBOX, Sent, Projects/2026, ...)
 *   DIR/<account address>/<name>.eml              (INBOX)
 *
 * A nested directory is a nested folder, created when missing. Files are filed in name order,
 * so 001.eml gets a lower UID than 002.eml. An account that does not exist is an error naming
 * the ones that do (passwords come from --user), and nothing is filed then.
 */
export function loadDirectory(store: MailStore, directory: string): { files: number } {
  const plan: Array<{ account: string; folder: string; file: string }> = [];
  let entries: string[];
  try {
    entries = readdirSync(directory).sort();
  } catch (error) {
    throw new Error(`--load ${directory}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  for (const name of entries) {
    const path = join(directory, name);
    if (!statSync(path).isDirectory()) continue;
    if (!store.account(name)) {
      throw new Error(`--load ${directory}: ${name}/ names no account; accounts: ${store.allAccounts.map((a) => a.address).join(', ') || 'none'} (add --user ${name}:password)`);
    }
    for (const file of emlFiles(path)) {
      const folder = relative(path, join(file, '..')).split(sep).filter(Boolean).join('/') || 'INBOX';
      plan.push({ account: name, folder, file });
    }
  }
  for (const { account: address, folder: name, file } of plan) {
    const account = store.requireAccount(address);
    const folder = account.folder(name) ?? store.createFolder(account, name);
    store.deliver(account, folder, readFileSync(file));
  }
  return { files: plan.length };
}

function emlFiles(directory: string): string[] {
  return readdirSync(directory).sort().flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return emlFiles(path);
    return name.toLowerCase().endsWith('.eml') ? [path] : [];
  });
}
