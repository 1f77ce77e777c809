import type { Address, InboundMailboxMessage } from '../mailboxes/mailbox-message.ts';
import { normaliseEmail } from './normalise.ts';

/**
 * Who an incoming message is from, for matching: the Reply-To addresses, then From, each once
 * (faq-rules §2 intro; reference §1.1 rule 8). Entries without an address are dropped.
 */
export function senderCandidates(message: Pick<InboundMailboxMessage, 'replyTo' | 'from'>): Address[] {
  const seen = new Set<string>();
  const candidates: Address[] = [];
  for (const candidate of [...message.replyTo, ...message.from]) {
    const key = normaliseEmail(candidate.address);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    candidates.push(candidate);
  }
  return candidates;
}

/** How a sender is named on a new item: the display name, else the address (R2.7). */
export function senderLabel(sender: Address): string {
  return sender.name?.trim() || sender.address.trim();
}
