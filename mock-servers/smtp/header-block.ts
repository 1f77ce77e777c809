/**
 * Just enough RFC 5322 header handling for routing decisions: the server must read a header or
 * two (X-Spam-Flag) and prepend trace fields, without parsing or re-encoding the message.
 */

/** The header section: everything before the first empty line (RFC 5322 §2.1). */
export function headerSection(raw: Buffer): string {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** Values of every field with this name, unfolded (RFC 5322 §2.2.3), in order of appearance. */
export function headerValues(raw: Buffer, name: string): string[] {
  const unfolded = headerSection(raw).replace(/\r?\n[ \t]/g, ' ');
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) values.push(line.slice(colon + 1).trim());
  }
  return values;
}

/** SpamAssassin's verdict header: "X-Spam-Flag: YES" marks the message as spam. */
export function isMarkedAsSpam(raw: Buffer): boolean {
  return headerValues(raw, 'X-Spam-Flag').some((value) => /^yes\b/i.test(value));
}

/** Prepends header fields, keeping the rest of the message byte for byte. */
export function prependHeaders(raw: Buffer, fields: readonly string[]): Buffer {
  if (fields.length === 0) return raw;
  return Buffer.concat([Buffer.from(fields.map((f) => `${f}\r\n`).join(''), 'utf8'), raw]);
}
