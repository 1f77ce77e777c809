import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from './smtp-sender.ts';

/**
 * Builds the RFC 5322 message once, with nodemailer's own composer, so the copy filed in the Sent
 * folder is byte for byte what went out over SMTP, as a mail client does it.
 */
export async function composeMessage(email: OutgoingEmail): Promise<Buffer> {
  return new MailComposer({ ...email }).compile().build();
}
