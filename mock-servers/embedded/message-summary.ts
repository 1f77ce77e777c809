import { decodeEncodedWords } from '../imap/message/encoded-words.ts';
import { parseAddressList } from '../imap/message/address.ts';
import { headerValues } from '../smtp/header-block.ts';
import { canonicalName, type Account, type Folder, type StoredMessage } from '../store/index.ts';

/**
 * A stored message as a test reads it: where it is, its flags, and the headers tests ask about,
 * decoded (RFC 2047 encoded-words, UTF-8 headers of RFC 6532). `raw` is the message byte for
 * byte, for anything else (parse it with any MIME library).
 */
export interface MessageSummary {
  readonly account: string;
  readonly folder: string;
  readonly uid: number;
  readonly flags: readonly string[];
  /** Bare addresses of From, lower-cased as the store compares them. */
  readonly from: readonly string[];
  /** Bare addresses of To and Cc. */
  readonly to: readonly string[];
  readonly subject: string;
  /** Message-ID without its angle brackets; '' when the message has none. */
  readonly messageId: string;
  /** When the server received it (INTERNALDATE), by the server's clock. */
  readonly internalDate: Date;
  readonly size: number;
  readonly raw: Buffer;
}

type Headers = Pick<MessageSummary, 'from' | 'to' | 'subject' | 'messageId'>;

/** Headers read once per message source: waiting on a busy store re-reads every message often. */
const headersOf = new WeakMap<Buffer, Headers>();

function readHeaders(raw: Buffer): Headers {
  const cached = headersOf.get(raw);
  if (cached) return cached;
  const header = (name: string) => headerValues(raw, name).map((value) => decodeEncodedWords(Buffer.from(value, 'latin1').toString('utf8')));
  const headers: Headers = {
    from: addresses(header('From')),
    to: addresses([...header('To'), ...header('Cc')]),
    subject: header('Subject')[0] ?? '',
    messageId: (header('Message-ID')[0] ?? '').replace(/^\s*<|>\s*$/g, ''),
  };
  headersOf.set(raw, headers);
  return headers;
}

export function summarise(account: Account, folder: Folder, message: StoredMessage): MessageSummary {
  return {
    account: account.address,
    folder: folder.name,
    uid: message.uid,
    flags: [...message.flags].sort(),
    ...readHeaders(message.raw),
    internalDate: message.internalDate,
    size: message.size,
    raw: message.raw,
  };
}

function addresses(values: readonly string[]): string[] {
  return values.flatMap((value) =>
    parseAddressList(value).flatMap((item) => (item.kind === 'mailbox' ? [`${item.mailbox}@${item.host}`.toLowerCase()] : [])),
  );
}

/** What `waitForMessages` and `messages` can filter on; every given field must match. */
export interface MessageMatch {
  /** A recipient address (To or Cc), or the account the message is filed in. */
  readonly to?: string;
  readonly from?: string;
  /** The exact subject, or a pattern. */
  readonly subject?: string | RegExp;
  readonly folder?: string;
}

export function matches(summary: MessageSummary, match: MessageMatch): boolean {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (match.to !== undefined && !same(summary.account, match.to) && !summary.to.some((address) => same(address, match.to!))) return false;
  if (match.from !== undefined && !summary.from.some((address) => same(address, match.from!))) return false;
  if (match.folder !== undefined && canonicalName(summary.folder) !== canonicalName(match.folder)) return false;
  if (match.subject !== undefined) {
    const ok = typeof match.subject === 'string' ? summary.subject === match.subject : match.subject.test(summary.subject);
    if (!ok) return false;
  }
  return true;
}
