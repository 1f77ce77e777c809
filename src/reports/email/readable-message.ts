import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';

/**
 * One e-mail as a person reads it: its headers decoded, its text and HTML bodies, its
 * attachments by name and size, and the raw source. Independent of any page, so a report and a
 * mail viewer can share it. The HTML is returned as the message holds it: showing it safely is
 * the viewer's job.
 */
export interface ReadableMessage {
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly subject: string;
  readonly text?: string;
  readonly html?: string;
  readonly attachments: ReadonlyArray<{ readonly fileName: string; readonly contentType: string; readonly size: number }>;
  readonly raw: string;
  /** The raw source was longer than the limit and is cut there. */
  readonly rawTruncated: boolean;
}

/** Raw sources longer than this are cut in what is kept (the parts above are read from the whole). */
export const RAW_LIMIT = 200_000;

function headerText(value: HeaderValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(', ');
  if (typeof value === 'object' && 'text' in value) return (value as AddressObject).text;
  if (typeof value === 'object' && 'value' in value) {
    const { value: main, params } = value as { value: string; params?: Record<string, string> };
    return [main, ...Object.entries(params ?? {}).map(([k, v]) => `${k}=${v}`)].join('; ');
  }
  return String(value);
}

export async function readableMessage(raw: Buffer | string): Promise<ReadableMessage> {
  const source = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers = parsed.headerLines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : key;
    return { name, value: headerText(parsed.headers.get(key)) || line.slice(colon + 1).trim() };
  });
  const text = source.toString('utf8');
  return {
    headers,
    subject: parsed.subject ?? '',
    ...(parsed.text !== undefined && parsed.text !== '' && { text: parsed.text }),
    ...(typeof parsed.html === 'string' && { html: parsed.html }),
    attachments: parsed.attachments.map((a) => ({ fileName: a.filename ?? '(no name)', contentType: a.contentType, size: a.size })),
    raw: text.length > RAW_LIMIT ? text.slice(0, RAW_LIMIT) : text,
    rawTruncated: text.length > RAW_LIMIT,
  };
}
