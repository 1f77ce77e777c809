import { PLAINTEXT_ONLY, type TransportSecurity } from './transport-security.ts';

/**
 * What the server advertises (RFC 3501 §6.1.1, §7.2.1). Only what is implemented:
 * LITERAL+ (RFC 7888), SASL-IR (RFC 4959), AUTH=PLAIN (RFC 4616), ID (RFC 2971),
 * ENABLE (RFC 5161), IDLE (RFC 2177), NAMESPACE (RFC 2342), UNSELECT (RFC 3691),
 * UIDPLUS (RFC 4315: APPENDUID, COPYUID, UID EXPUNGE), MOVE (RFC 6851),
 * SPECIAL-USE (RFC 6154: attributes on LIST; LIST-EXTENDED is not offered, so clients
 * do not send the extended LIST forms, though the common ones are understood).
 */
export const CAPABILITIES: readonly string[] = [
  'IMAP4rev1',
  'LITERAL+',
  'SASL-IR',
  'AUTH=PLAIN',
  'ID',
  'ENABLE',
  'IDLE',
  'NAMESPACE',
  'UNSELECT',
  'SPECIAL-USE',
  'UIDPLUS',
  'MOVE',
];

/**
 * The list for a session in the given transport state. STARTTLS is offered until TLS is active;
 * while LOGINDISABLED holds, no plaintext mechanism is offered either (RFC 4616 §6: PLAIN needs
 * a protected channel), and after STARTTLS both are gone (RFC 3501 §6.2.1).
 */
export function capabilityText(security: TransportSecurity = PLAINTEXT_ONLY, appendLimit?: number): string {
  const names = security.loginDisabled ? CAPABILITIES.filter((name) => name !== 'AUTH=PLAIN') : [...CAPABILITIES];
  // RFC 7889 §3: the largest message APPEND takes, so a client need not send one only to hear NO.
  if (appendLimit !== undefined) names.push(`APPENDLIMIT=${appendLimit}`);
  if (security.canStartTls) names.push('STARTTLS');
  if (security.loginDisabled) names.push('LOGINDISABLED');
  return names.join(' ');
}
