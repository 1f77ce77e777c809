/**
 * The address a typed recipient is sent to, or undefined when the e-mail form refuses it. Bitrix24
 * checks every recipient before it sends (reference §1.8, EDITOR action SAVE_EMAIL: check_email
 * trims the value, then accepts only local@domain made of dot-atoms, with no white space inside).
 * So white space around an address is dropped ("  ola@other.test " reaches ola@other.test), while
 * white space inside it ("ola @ other.test") makes it an address the form refuses.
 */
export function toWireAddress(typed: string): string | undefined {
  const trimmed = typed.trim();
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/.test(trimmed)) return undefined;
  const [local, domain] = trimmed.split('@') as [string, string];
  const dotAtom = (part: string) => part.split('.').every((atom) => atom !== '');
  return dotAtom(local) && dotAtom(domain) ? trimmed : undefined;
}
