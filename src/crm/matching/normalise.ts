/**
 * The only normalisation e-mail matching does: trim white space and lower-case (R8.3; reference
 * §1.2 rule 9). No Gmail dots, no "+tag" stripping, no display names: "a.b@x" and "ab@x" differ.
 */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}
