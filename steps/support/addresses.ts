/** Reads "Jan Kowalski <jan@client.test>" or "jan@client.test" as a feature file writes a party. */
export function parseParty(text: string): { name?: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  if (match) return match[1] ? { name: match[1], address: match[2]! } : { address: match[2]! };
  const bare = text.trim();
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(bare)) throw new Error(`"${text}" is not an e-mail address; write "Name <name@domain>" or "name@domain"`);
  return { address: bare };
}
