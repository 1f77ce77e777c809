import { isMarkedAsSpam } from '../smtp/header-block.ts';
import type { MailStore } from '../store/index.ts';

export interface DeliverOptions {
  /** One or more hosted accounts. */
  readonly to: string | readonly string[];
  /** A folder of each recipient's account; by default INBOX, or Spam for `X-Spam-Flag: YES`. */
  readonly folder?: string;
  /** Flags the copies start with (e.g. `\\Seen`). */
  readonly flags?: readonly string[];
  /** INTERNALDATE; the server's clock by default. */
  readonly internalDate?: Date;
}

export interface DeliveredCopy {
  readonly account: string;
  readonly folder: string;
  readonly uid: number;
}

/**
 * Files a message straight into the store, routed as SMTP delivery routes it (spam to the
 * `\Junk` folder). Every recipient and folder is checked before anything is filed, so a
 * mistake leaves the store untouched.
 */
export function deliverDirectly(store: MailStore, raw: Buffer, options: DeliverOptions): DeliveredCopy[] {
  const recipients = typeof options.to === 'string' ? [options.to] : [...options.to];
  if (recipients.length === 0) throw new Error('deliver() needs at least one recipient in `to`');
  const spam = isMarkedAsSpam(raw);
  const targets = recipients.map((address) => {
    const account = store.account(address);
    if (!account) throw new Error(`deliver(): no account ${address} on the mail server; accounts: ${store.allAccounts.map((a) => a.address).join(', ') || 'none'}`);
    const folder = options.folder === undefined ? account.requireFolderByRole(spam ? 'junk' : 'inbox') : account.folder(options.folder);
    if (!folder) throw new Error(`deliver(): ${account.address} has no folder "${options.folder}"; folders: ${account.folders.map((f) => f.name).join(', ')}`);
    return { account, folder };
  });
  return targets.map(({ account, folder }) => {
    const message = store.deliver(account, folder, raw, {
      ...(options.flags ? { flags: options.flags } : {}),
      ...(options.internalDate ? { internalDate: options.internalDate } : {}),
    });
    return { account: account.address, folder: folder.name, uid: message.uid };
  });
}
