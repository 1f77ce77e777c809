import { CrmError } from '../errors.ts';
import { normaliseEmail } from '../matching/normalise.ts';

/** E-mail value types of the EMAIL multifield (reference §2). */
export const EMAIL_TYPES = ['WORK', 'HOME', 'MAILING', 'OTHER'] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];

/**
 * One e-mail value of a lead, contact or company. `value` is kept exactly as entered: matching
 * trims and lower-cases when it compares (R8.3), it never rewrites what a user typed.
 */
export interface EmailValue {
  readonly value: string;
  readonly type: EmailType;
}

/** How callers give e-mail values: a bare address is WORK, the type of e-mails taken from mail. */
export type EmailInput = string | { readonly value: string; readonly type?: string };

/** Addresses entered without a type, and addresses taken from an e-mail, are WORK (reference §2). */
export function workEmails(addresses: readonly string[] = []): EmailValue[] {
  return addresses.map((value) => ({ value, type: 'WORK' }));
}

/**
 * Checks e-mail values as the item form does: an address (something@domain once trimmed) and a
 * known type. Refuses with CRM.INVALID_EMAIL_VALUE naming the value and what is allowed.
 */
export function emailValues(inputs: readonly EmailInput[] = []): EmailValue[] {
  return inputs.map((input) => {
    const { value, type = 'WORK' } = typeof input === 'string' ? { value: input } : input;
    if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(normaliseEmail(value))) {
      throw new CrmError('CRM.INVALID_EMAIL_VALUE', `"${String(value)}" is not an e-mail address.`);
    }
    const upper = String(type).trim().toUpperCase();
    if (!(EMAIL_TYPES as readonly string[]).includes(upper)) {
      throw new CrmError('CRM.INVALID_EMAIL_VALUE', `"${String(type)}" is not an e-mail type. Types: ${EMAIL_TYPES.join(', ')}.`);
    }
    return { value, type: upper as EmailType };
  });
}

/** Appends values not already present (same address after trimming and lower-casing, R8.3). */
export function mergeEmails(existing: readonly EmailValue[], added: readonly EmailValue[]): EmailValue[] {
  const merged = [...existing];
  for (const value of added) {
    if (!merged.some((e) => normaliseEmail(e.value) === normaliseEmail(value.value))) merged.push(value);
  }
  return merged;
}
