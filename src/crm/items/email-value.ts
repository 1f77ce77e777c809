/** E-mail value types of the EMAIL multifield (reference §2). */
export type EmailType = 'WORK' | 'HOME' | 'MAILING' | 'OTHER';

/**
 * One e-mail value of a lead, contact or company. `value` is kept exactly as entered: matching
 * trims and lower-cases when it compares (R8.3), it never rewrites what a user typed.
 */
export interface EmailValue {
  readonly value: string;
  readonly type: EmailType;
}

/** Addresses entered without a type, and addresses taken from an e-mail, are WORK (reference §2). */
export function workEmails(addresses: readonly string[] = []): EmailValue[] {
  return addresses.map((value) => ({ value, type: 'WORK' }));
}
