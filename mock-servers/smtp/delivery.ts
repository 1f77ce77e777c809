import type { Account, MailStore } from '../store/index.ts';
import { normaliseAddress } from '../store/index.ts';
import { isMarkedAsSpam } from './header-block.ts';
import type { Outbox } from './outbox.ts';

export type RecipientVerdict =
  | { kind: 'local'; account: Account }
  | { kind: 'remote' }
  | { kind: 'unknown-local' };

const domainOf = (address: string) => normaliseAddress(address).split('@').pop() ?? '';

/**
 * A domain is local when the store hosts at least one account in it. Mail for an unknown user
 * of a local domain is refused at RCPT time (RFC 5321 §3.3, reply 550) rather than bounced later.
 */
export function classifyRecipient(store: MailStore, address: string): RecipientVerdict {
  const account = store.account(address);
  if (account) return { kind: 'local', account };
  const domain = domainOf(address);
  const hosted = store.allAccounts.some((a) => domainOf(a.address) === domain);
  return hosted ? { kind: 'unknown-local' } : { kind: 'remote' };
}

export interface DeliveryReport {
  readonly local: ReadonlyArray<{ account: string; folder: string; uid: number }>;
  readonly remote: readonly string[];
}

/**
 * Files one accepted message: a copy per local recipient (into Spam/Junk when a filter marked
 * it with X-Spam-Flag: YES, else INBOX), and one outbox entry for all remote recipients.
 */
export function deliver(store: MailStore, outbox: Outbox, mailFrom: string, recipients: readonly string[], raw: Buffer): DeliveryReport {
  const spam = isMarkedAsSpam(raw);
  const local: Array<{ account: string; folder: string; uid: number }> = [];
  const remote: string[] = [];
  for (const recipient of recipients) {
    const verdict = classifyRecipient(store, recipient);
    if (verdict.kind === 'local') {
      const folder = verdict.account.requireFolderByRole(spam ? 'junk' : 'inbox');
      const message = store.deliver(verdict.account, folder, raw);
      local.push({ account: verdict.account.address, folder: folder.name, uid: message.uid });
    } else if (verdict.kind === 'remote') {
      remote.push(recipient);
    }
  }
  if (remote.length > 0) outbox.add({ mailFrom, recipients: remote, raw, acceptedAt: store.clock() });
  return { local, remote };
}
