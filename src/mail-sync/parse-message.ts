import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { headerEnd, repairHeaderBytes } from './header-bytes.ts';
import { scanMimeStructure, splitPart, withoutRanges, type MimeScan } from './mime-scan.ts';
import { problem, type ReadingProblem } from './reading-problems.ts';

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
  /** What could not be read; empty for a well-formed message. */
  readingProblems: ReadingProblem[];
}

/** How the connector asks mailparser to read: no HTML made from text, no image links (the CRM shows neither). */
export const PARSER_OPTIONS = { skipImageLinks: true, skipTextToHtml: true } as const;
/** The fields a message list entry is made of, read again on their own when the whole cannot be. */
const ESSENTIAL_FIELDS = ['from', 'reply-to', 'to', 'cc', 'subject', 'date', 'message-id', 'in-reply-to', 'references'];
const MAX_ESSENTIAL_FIELD = 8 * 1024;

/** local@domain with neither part empty: what the CRM can match and create items for. */
function isAddress(address: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address);
}

/** Flattens address lists, including RFC 5322 §3.4 groups, and drops entries without a readable address. */
function addresses(field: AddressObject | AddressObject[] | undefined): ParsedAddress[] {
  const lists = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat = (entry: EmailAddress): EmailAddress[] => (entry.group ? entry.group.flatMap(flat) : [entry]);
  return lists
    .flatMap((list) => list.value.flatMap(flat))
    .filter((entry): entry is EmailAddress & { address: string } => typeof entry.address === 'string' && isAddress(entry.address))
    .map((entry) => (entry.name ? { name: entry.name, address: entry.address } : { address: entry.address }));
}

/** A header field as written (unfolded), from mailparser's raw header lines. */
function rawField(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((l) => l.key === name)?.line;
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]*/g, ' ').trim();
}

/**
 * Parses a raw RFC 5322 message with mailparser, which decodes MIME parts, encoded words
 * (RFC 2047) and charsets. It never throws on a message: mailparser reads what it can of a broken
 * one, and what it cannot read is named in `readingProblems` so the CRM can tell people. A message
 * mailparser refuses outright (a header block over 1 MiB, thousands of nested parts) is read
 * again from its essential header fields alone, so it still has a subject and sender to list.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedEmail> {
  const { readable, repaired, scan, input } = parserInput(raw);
  const problems: ReadingProblem[] = repaired ? [problem('header-8bit')] : [];
  let mail: ParsedMail;
  try {
    mail = await simpleParser(input, PARSER_OPTIONS);
  } catch (error) {
    problems.push(problem('unparsable', error instanceof Error ? error.message : String(error)));
    const essentials = await simpleParser(essentialFields(readable), PARSER_OPTIONS).catch(() => undefined);
    return { ...(essentials ? fields(essentials, problems) : { references: [], subject: '', from: [], replyTo: [], to: [], cc: [] }), readingProblems: problems };
  }
  problems.push(...scan.problems);
  const parsed = fields(mail, problems);
  const body = brokenMimeBody(readable, parsed, problems);
  return { ...parsed, ...body, readingProblems: problems };
}

/** What the parser is given for a raw message, and what was found on the way there. */
export interface ParserInput {
  /** The message with its header bytes made readable (repairHeaderBytes). */
  readonly readable: Buffer;
  readonly repaired: boolean;
  readonly scan: MimeScan;
  /** `readable` without the attachments' bodies: what mailparser reads. */
  readonly input: Buffer;
}

/**
 * The CRM keeps no attachment: their bodies are left out of what the parser reads, so it does
 * not decode, checksum and buffer them only for them to be dropped (mime-scan.ts says which).
 */
export function parserInput(raw: Buffer): ParserInput {
  const { raw: readable, repaired } = repairHeaderBytes(raw);
  const scan = scanMimeStructure(readable);
  return { readable, repaired, scan, input: withoutRanges(readable, scan.attachmentBodies) };
}

function fields(mail: ParsedMail, problems: ReadingProblem[]): Omit<ParsedEmail, 'readingProblems'> {
  const references = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references];
  // mailparser turns an unreadable Date into the time of parsing; read the field as written instead.
  const writtenDate = rawField(mail, 'date');
  const date = writtenDate === undefined ? undefined : new Date(writtenDate);
  const readableDate = date && !Number.isNaN(date.getTime()) ? date : undefined;
  if (writtenDate !== undefined && !readableDate) problems.push(problem('date-unreadable', writtenDate));
  const from = addresses(mail.from);
  if (from.length === 0 && mail.headers.has('from')) problems.push(problem('sender-unreadable', rawField(mail, 'from') ?? ''));
  if (!mail.messageId) problems.push(problem('no-message-id'));
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references,
    subject: mail.subject ?? '',
    ...(readableDate ? { date: readableDate } : {}),
    from,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    // As the parser joined them: the CRM keeps a compact copy of its own (src/crm/mailboxes/stored-bodies.ts).
    ...(mail.text ? { text: mail.text } : {}),
    ...(typeof mail.html === 'string' ? { html: mail.html } : {}),
  };
}

/**
 * A multipart body whose boundary never appears has no parts to read, so mailparser finds no
 * text at all. The body as sent is kept as the text instead, so nothing the sender wrote is lost.
 */
function brokenMimeBody(raw: Buffer, parsed: Omit<ParsedEmail, 'readingProblems'>, problems: readonly ReadingProblem[]): { text?: string } {
  if (parsed.text !== undefined || parsed.html !== undefined || !problems.some((p) => p.code === 'broken-mime')) return {};
  const end = headerEnd(raw);
  const body = raw.subarray(end).toString('utf8').replace(/^\r?\n\r?\n/, '');
  return body.trim() === '' ? {} : { text: body };
}

/** The essential header fields of a message, as a small message of their own. */
function essentialFields(raw: Buffer): Buffer {
  const { headers } = splitPart(raw.subarray(0, headerEnd(raw)).toString('utf8'));
  const lines = ESSENTIAL_FIELDS.flatMap((name) => {
    const value = headers.get(name);
    return value === undefined ? [] : [`${name}: ${value.slice(0, MAX_ESSENTIAL_FIELD)}`];
  });
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
}
