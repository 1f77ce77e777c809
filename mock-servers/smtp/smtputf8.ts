import type { SMTPServerAddress } from 'smtp-server';

// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * RFC 6531 §3.5: an address with non-ASCII characters may only travel in a transaction that
 * announced SMTPUTF8 on MAIL FROM; otherwise the server answers 553. (The RFC's enhanced code is
 * X.6.7; smtp-server derives the enhanced code of a handler's refusal from the reply code alone,
 * so the client sees 553 5.1.3, "mailbox name not allowed", with the reason in the text.)
 */
export function utf8AddressRefusal(address: SMTPServerAddress, smtpUtf8: boolean, role: 'sender' | 'recipient'): Error | undefined {
  if (smtpUtf8 || ASCII_ONLY.test(address.address)) return undefined;
  return Object.assign(new Error(`Non-ASCII address not permitted for that ${role} without SMTPUTF8`), { responseCode: 553 });
}

export function mailFromAnnouncesUtf8(address: SMTPServerAddress): boolean {
  return Boolean(address.args && address.args['SMTPUTF8'] === true);
}
