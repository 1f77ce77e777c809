import { decodeEncodedWords } from '../imap/message/encoded-words.ts';
import { summarise } from '../embedded/message-summary.ts';
import type { ReadableMessage } from '../readable-message.ts';
import { headerValues } from '../smtp/header-block.ts';
import type { OutboundMessage } from '../smtp/index.ts';
import type { Account, Folder, StoredMessage } from '../store/index.ts';

/** The JSON shapes the API answers with (described in openapi.ts, in the same words). */

export interface MessageListItem {
  readonly account: string;
  readonly folder: string;
  readonly uid: number;
  readonly flags: readonly string[];
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly subject: string;
  /** The Date header, as ISO 8601; null when missing or unreadable. */
  readonly date: string | null;
  readonly internalDate: string;
  readonly size: number;
  readonly messageId: string;
}

export function summariseStored(account: Account, folder: Folder, message: StoredMessage): MessageListItem {
  const summary = summarise(account, folder, message);
  return {
    account: summary.account,
    folder: summary.folder,
    uid: summary.uid,
    flags: summary.flags,
    from: summary.from,
    to: summary.to,
    subject: summary.subject,
    date: dateHeader(message.raw),
    internalDate: summary.internalDate.toISOString(),
    size: summary.size,
    messageId: summary.messageId,
  };
}

export interface OutboundListItem {
  readonly id: number;
  readonly mailFrom: string;
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly messageId: string;
  readonly date: string | null;
  readonly acceptedAt: string;
  readonly size: number;
}

export function summariseOutbound(message: OutboundMessage): OutboundListItem {
  const header = (name: string) => headerValues(message.raw, name).map((value) => decodeEncodedWords(Buffer.from(value, 'latin1').toString('utf8')));
  return {
    id: message.id,
    mailFrom: message.mailFrom,
    recipients: message.recipients,
    subject: header('Subject')[0] ?? '',
    messageId: (header('Message-ID')[0] ?? '').replace(/^\s*<|>\s*$/g, ''),
    date: dateHeader(message.raw),
    acceptedAt: message.acceptedAt.toISOString(),
    size: message.raw.length,
  };
}

/** A readable message without its attachments' bytes (those have their own URLs). */
export function readableView(readable: ReadableMessage, attachmentUrl: (index: number) => string): Record<string, unknown> {
  return {
    headers: readable.headers,
    text: readable.text ?? null,
    html: readable.html ?? null,
    htmlDocument: readable.htmlDocument ?? null,
    attachments: readable.attachments.map((attachment) => ({
      index: attachment.index,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      contentId: attachment.contentId ?? null,
      inline: attachment.inline,
      url: attachmentUrl(attachment.index),
    })),
  };
}

export function folderView(account: Account, folder: Folder): Record<string, unknown> {
  return {
    name: folder.name,
    role: folder.role ?? null,
    messages: folder.messages.length,
    unseen: folder.unseenCount,
    uidValidity: folder.uidValidity,
    uidNext: folder.uidNext,
    subscribed: account.isSubscribed(folder.name),
  };
}

export function accountView(account: Account): Record<string, unknown> {
  return { address: account.address, folders: account.folders.map((folder) => folderView(account, folder)) };
}

function dateHeader(raw: Buffer): string | null {
  const value = headerValues(raw, 'Date')[0];
  if (value === undefined) return null;
  const date = new Date(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
