import { simpleParser, type AddressObject } from 'mailparser';
import { decodeEncodedWords } from './imap/message/encoded-words.ts';

/**
 * One way of turning a raw message into what a person reads: its headers decoded, its text, its
 * HTML made safe to show in a frame, and its attachments. The mail server's page and API use it;
 * any page that shows mail to people (a report, say) should use it too, so a message reads the
 * same everywhere. Parsing is mailparser's (charsets, RFC 2231 file names, `cid:` images).
 */
export interface ReadableMessage {
  /** Every header field in order, unfolded, encoded-words (RFC 2047) decoded. */
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly subject: string;
  readonly from: readonly ReadableAddress[];
  readonly to: readonly ReadableAddress[];
  readonly cc: readonly ReadableAddress[];
  /** The Date header as ISO 8601, or undefined when it is missing or unreadable. */
  readonly date: string | undefined;
  /** Message-ID without angle brackets; '' when there is none. */
  readonly messageId: string;
  /** The text/plain body; derived from the HTML when there is only HTML; undefined when there is neither. */
  readonly text: string | undefined;
  /** The text/html body as the message has it (`cid:` images turned into data: URLs). */
  readonly html: string | undefined;
  /**
   * The HTML as a whole document for an `<iframe sandbox="${MESSAGE_FRAME_SANDBOX}" srcdoc>`:
   * it carries its own Content-Security-Policy, so no script runs and nothing is fetched from
   * the network (remote images, fonts, styles stay blank; data: URLs show).
   */
  readonly htmlDocument: string | undefined;
  readonly attachments: readonly ReadableAttachment[];
}

export interface ReadableAddress {
  readonly name: string;
  readonly address: string;
}

export interface ReadableAttachment {
  /** Position among the message's attachments, from 0: how the API addresses one. */
  readonly index: number;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** Content-ID without angle brackets, for parts an HTML body shows inline. */
  readonly contentId: string | undefined;
  readonly inline: boolean;
  readonly content: Buffer;
}

/**
 * What the frame showing a message's HTML may load: nothing from the network, no scripts, no
 * forms; inline styles and data: images only. Sent inside the document and, where a server
 * serves it, as a header too.
 */
export const MESSAGE_FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; form-action 'none'; base-uri 'none'";

/**
 * The iframe's sandbox: no scripts, no same-origin access, no forms; a link a person clicks may
 * open in a new tab outside the sandbox (it is their choice, and the frame stays inert).
 */
export const MESSAGE_FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

export async function readableMessage(raw: Buffer | string): Promise<ReadableMessage> {
  const source = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const parsed = await simpleParser(source, { skipTextToHtml: true });
  const html = typeof parsed.html === 'string' ? parsed.html : undefined;
  return {
    headers: parsed.headerLines.map(({ line }) => headerField(line)),
    subject: parsed.subject ?? '',
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : undefined,
    messageId: (parsed.messageId ?? '').replace(/^\s*<|>\s*$/g, ''),
    text: parsed.text,
    html,
    htmlDocument: html === undefined ? undefined : framedHtml(html),
    attachments: parsed.attachments.map((attachment, index) => ({
      index,
      filename: attachment.filename ?? `attachment-${index + 1}`,
      contentType: attachment.contentType,
      size: attachment.size,
      contentId: attachment.cid,
      inline: attachment.contentDisposition === 'inline' || attachment.related === true,
      content: attachment.content,
    })),
  };
}

/** A message's HTML as a document whose first head element is the frame's policy. */
export function framedHtml(html: string): string {
  // A doctype after our head would be ignored anyway; dropping it keeps the parse clean.
  const body = html.replace(/^\uFEFF?\s*<!doctype[^>]*>/i, '');
  return '<!doctype html><html><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="${MESSAGE_FRAME_CSP}">`
    + `<base target="_blank"></head><body>${body}</body></html>`;
}

function headerField(line: string): { name: string; value: string } {
  const colon = line.indexOf(':');
  const name = colon < 0 ? line : line.slice(0, colon);
  const value = colon < 0 ? '' : line.slice(colon + 1).replace(/\r?\n(?=[ \t])/g, '').trim();
  return { name: name.trim(), value: decodeEncodedWords(value) };
}

function addresses(field: AddressObject | AddressObject[] | undefined): ReadableAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flatten = (list: AddressObject['value']): ReadableAddress[] =>
    list.flatMap((entry) => (entry.group ? flatten(entry.group) : [{ name: entry.name, address: entry.address ?? '' }]));
  return objects.flatMap((object) => flatten(object.value));
}
