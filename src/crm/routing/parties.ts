import type { Address, MailboxMessage } from '../mailboxes/mailbox-message.ts';
import { normaliseEmail } from '../matching/normalise.ts';
import { senderCandidates } from '../matching/sender.ts';
import type { NotSavedReason } from './outcome.ts';

export interface PartyRules {
  /** An active employee's address or a connected mailbox's (R1.4; reference §1.1 rule 5). */
  readonly isInternal: (address: string) => boolean;
  /** On the CRM's exceptions list (R1.4). */
  readonly isException: (address: string) => boolean;
}

/** Whom the e-mail is with: the addresses to match and to create items for, or why there is nobody. */
export type PartyResult = { readonly ok: true; readonly party: readonly [Address, ...Address[]] } | { readonly ok: false; readonly reason: NotSavedReason };

/**
 * The outside party of a message. Incoming: Reply-To, then From (faq-rules §2). Outgoing (found
 * in Sent): To, then Cc. Employees and connected mailboxes are never a party: mail among them is
 * internal, and is not saved (R1.4). Addresses on the exceptions list are dropped unless
 * `ignoreExceptions` (manual saves R3.2, replies R2.8); a message with no one else left is not saved.
 */
export function outsideParty(message: MailboxMessage, outgoing: boolean, rules: PartyRules, ignoreExceptions: boolean): PartyResult {
  const candidates = outgoing ? unique([...message.to, ...message.cc]) : senderCandidates(message);
  if (candidates.length === 0) return { ok: false, reason: outgoing ? 'no-recipient' : 'no-sender' };
  const outside = candidates.filter((a) => !rules.isInternal(a.address));
  if (outside.length === 0) return { ok: false, reason: outgoing ? 'recipients-are-employees' : 'sender-is-employee' };
  const allowed = ignoreExceptions ? outside : outside.filter((a) => !rules.isException(a.address));
  const [first, ...rest] = allowed;
  return first ? { ok: true, party: [first, ...rest] } : { ok: false, reason: 'on-exceptions-list' };
}

function unique(addresses: readonly Address[]): Address[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = normaliseEmail(a.address);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
