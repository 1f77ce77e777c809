import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';

export interface ParsedAddress {
  name?: string;
  address: string;
}

/** What the connector reads out of a raw message: the fields the CRM routes and shows by. */
export interface ParsedEmail {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  subject: string;
  /** The Date header; absent or unreadable dates stay undefined rather than becoming "now". */
  date?: Date;
  from: ParsedAddress[];
  replyTo: ParsedAddress[];
  to: ParsedAddress[];
  cc: ParsedAddress[];
  text?: string;
  html?: string;
}

/** Flattens address lists, including RFC 5322 §3.4 groups, and drops entries without an address. */
function addresses(field: AddressObject | AddressObject[] | undefined): ParsedAddress[] {
  const lists = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat = (entry: EmailAddress): EmailAddress[] => (entry.group ? entry.group.flatMap(flat) : [entry]);
  return lists
    .flatMap((list) => list.value.flatMap(flat))
    .filter((entry): entry is EmailAddress & { address: string } => Boolean(entry.address))
    .map((entry) => (entry.name ? { name: entry.name, address: entry.address } : { address: entry.address }));
}

/**
 * Parses a raw RFC 5322 message with mailparser, which decodes MIME parts, encoded words
 * (RFC 2047) and charsets. mailparser is lenient: a broken message still yields what can be read.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const references = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references];
  const date = mail.date && !Number.isNaN(mail.date.getTime()) && mail.headers.has('date') ? mail.date : undefined;
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references,
    subject: mail.subject ?? '',
    ...(date ? { date } : {}),
    from: addresses(mail.from),
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    ...(mail.text ? { text: mail.text } : {}),
    ...(typeof mail.html === 'string' ? { html: mail.html } : {}),
  };
}
