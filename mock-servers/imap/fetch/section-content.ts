import type { StoredMessage } from '../../store/index.ts';
import { messageParts, sourceParts, type MessageParts } from '../message/header.ts';
import { findPart, mimeEntity, type MimeEntity } from '../message/mime.ts';
import { lastSource } from '../message/per-message.ts';
import type { SectionSpec } from './fetch-items.ts';

/** The MIME tree of a message source, parsed once for the message in hand (per-message.ts, lastSource). */
export const sourceMimeTree: (raw: Buffer) => MimeEntity = lastSource((raw) => mimeEntity(sourceParts(raw)));

/** The MIME tree of a stored message, parsed once per message. */
export const mimeTree = (message: StoredMessage): MimeEntity => sourceMimeTree(message.raw);

/**
 * The octets a BODY[section] names (RFC 3501 §6.4.5), or undefined when the part does not
 * exist (answered with NIL). HEADER, TEXT and HEADER.FIELDS of a part apply to the message a
 * message/rfc822 part encapsulates; MIME is the part's own header.
 */
export function sectionContent(message: StoredMessage, section: SectionSpec): Buffer | undefined {
  if (section.part.length === 0) {
    return section.text === 'ALL' ? message.raw : messageText(messageParts(message), section);
  }
  const entity = findPart(mimeTree(message), section.part);
  if (!entity) return undefined;
  if (section.text === 'ALL') return entity.parts.body;
  if (section.text === 'MIME') return entity.parts.header;
  return entity.message ? messageText(entity.message.parts, section) : undefined;
}

function messageText(parts: MessageParts, section: SectionSpec): Buffer {
  switch (section.text) {
    case 'TEXT':
      return parts.body;
    case 'HEADER.FIELDS':
    case 'HEADER.FIELDS.NOT':
      return headerFields(parts, section.fields, section.text === 'HEADER.FIELDS');
    default:
      return parts.header;
  }
}

/** The chosen fields as written, in message order, then the blank line (RFC 3501 §6.4.5). */
function headerFields(parts: MessageParts, names: readonly string[], include: boolean): Buffer {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const chosen = parts.fields.filter((field) => wanted.has(field.key) === include);
  return Buffer.concat([...chosen.map((field) => withLineBreak(field.bytes)), Buffer.from('\r\n')]);
}

function withLineBreak(bytes: Buffer): Buffer {
  return bytes[bytes.length - 1] === 0x0a ? bytes : Buffer.concat([bytes, Buffer.from('\r\n')]);
}

/** `<start.length>`: the octets from start, at most length of them; empty past the end. */
export function applyPartial(content: Buffer, partial: { start: number; length?: number } | undefined): Buffer {
  if (!partial) return content;
  const end = partial.length === undefined ? content.length : partial.start + partial.length;
  return content.subarray(Math.min(partial.start, content.length), Math.min(end, content.length));
}
