import type { Address, MailboxMessage } from '../mailboxes/mailbox-message.ts';
import { normaliseEmail } from '../matching/normalise.ts';

/**
 * The mail address book of a mailbox (the blue icon in the To field, R8.3): the people its mail
 * came from or went to, once each, first seen first; the mailbox's own address is not among them.
 */
export function addressBook(mailboxAddress: string, messages: readonly MailboxMessage[]): Address[] {
  const seen = new Set([normaliseEmail(mailboxAddress)]);
  const book: Address[] = [];
  for (const message of messages) {
    for (const address of [...message.from, ...message.replyTo, ...message.to, ...message.cc]) {
      const key = normaliseEmail(address.address);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      book.push(address.name ? { name: address.name, address: address.address } : { address: address.address });
    }
  }
  return book;
}
