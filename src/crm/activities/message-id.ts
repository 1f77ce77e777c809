/**
 * Message-IDs compared as RFC 5322 §3.6.4 msg-ids: the angle brackets and surrounding white space
 * are syntax, and mail systems differ in the letter case they keep, so neither counts.
 */
export function normaliseMessageId(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const bare = id.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return bare === '' ? undefined : bare;
}
