import { readableMessage as readMessage } from '../../../mock-servers/readable-message.ts';

/**
 * One e-mail as a person reads it, for the FAQ page's story: what the mail server's own page shows
 * of a message (mock-servers/readable-message.ts, the one way the project turns a raw message into
 * decoded headers, text, HTML and attachments), kept as plain data the story can carry as JSON,
 * with the raw source beside it. The HTML is returned as the message holds it: showing it safely
 * is the viewer's job.
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

export async function readableMessage(raw: Buffer | string): Promise<ReadableMessage> {
  const source = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const message = await readMessage(source);
  const text = source.toString('utf8');
  return {
    headers: message.headers,
    subject: message.subject,
    ...(message.text !== undefined && message.text !== '' && { text: message.text }),
    ...(message.html !== undefined && { html: message.html }),
    // Names and sizes only: the story is JSON, and the page lists attachments, it does not serve them.
    attachments: message.attachments.map((a) => ({ fileName: a.filename, contentType: a.contentType, size: a.size })),
    raw: text.length > RAW_LIMIT ? text.slice(0, RAW_LIMIT) : text,
    rawTruncated: text.length > RAW_LIMIT,
  };
}
