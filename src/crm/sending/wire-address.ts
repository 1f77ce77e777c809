/**
 * The address a mail system delivers to for what someone typed. RFC 5322 §4.4 (obsolete addressing)
 * lets white space stand around the "@" and the dots of an address, so "jan.kowalski @client.test"
 * reaches jan.kowalski@client.test. The CRM compares addresses only trimmed and lower-cased
 * (R8.3), so such a spelling is delivered to the right person yet is a new address to the CRM:
 * the FAQ's "addresses written differently (e.g. with extra spaces)" (Q9).
 * Returns undefined for something no mail system would deliver.
 */
export function toWireAddress(typed: string): string | undefined {
  const compact = typed.trim().replace(/\s*([@.])\s*/g, '$1');
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/.test(compact)) return undefined;
  const [local, domain] = compact.split('@') as [string, string];
  const dotAtom = (part: string) => part.split('.').every((atom) => atom !== '');
  return dotAtom(local) && dotAtom(domain) ? compact : undefined;
}
