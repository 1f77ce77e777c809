import type { StoredMessage } from '../../store/index.ts';
import type { Untagged } from '../commands/contract.ts';
import { list, literal, nil, num, raw, type WireValue } from '../protocol/writer.ts';
import type { FetchItem } from './fetch-items.ts';
import { bodyItem, bodyStructureItem, envelopeItem, internalDateItem } from './fixed-items.ts';
import { applyPartial, sectionContent } from './section-content.ts';

export interface FetchOptions {
  /** UID FETCH: the UID is always part of the answer (RFC 3501 §6.4.8). */
  readonly byUid: boolean;
  /** The flags as the session shows them (with its own \Recent). */
  readonly flags: () => readonly string[];
  /** Sets \Seen; absent in a read-only mailbox (RFC 3501 §6.3.2) or for an expunged message. */
  readonly markSeen?: () => void;
}

/**
 * `* seq FETCH (...)` for one message, items in the order asked. Fetching a body without
 * .PEEK sets \Seen first; when that changes the flags and FLAGS was not asked for, FLAGS is
 * added so the client learns of it (RFC 3501 §6.4.5).
 */
export function fetchResponse(seq: number, message: StoredMessage, items: readonly FetchItem[], options: FetchOptions): Untagged {
  const marksSeen = options.markSeen !== undefined && !message.flags.has('\\Seen') && items.some((item) => item.kind === 'section' && item.setsSeen);
  if (marksSeen) options.markSeen?.();
  const wanted: readonly FetchItem[] = [
    ...(options.byUid && !items.some((item) => item.kind === 'UID') ? [{ kind: 'UID' } as const] : []),
    ...items,
    ...(marksSeen && !items.some((item) => item.kind === 'FLAGS') ? [{ kind: 'FLAGS' } as const] : []),
  ];
  const values = wanted.flatMap((item) => [raw(item.kind === 'section' ? item.responseName : item.kind), itemValue(message, item, options)]);
  return [num(seq), raw('FETCH'), list(values)];
}

function itemValue(message: StoredMessage, item: FetchItem, options: FetchOptions): WireValue {
  switch (item.kind) {
    case 'UID':
      return num(message.uid);
    case 'FLAGS':
      return list(options.flags().map(raw));
    case 'INTERNALDATE':
      return internalDateItem(message.internalDate);
    case 'RFC822.SIZE':
      return num(message.size);
    case 'ENVELOPE':
      return envelopeItem(message);
    case 'BODYSTRUCTURE':
      return bodyStructureItem(message);
    case 'BODY':
      return bodyItem(message);
    case 'section': {
      const content = sectionContent(message, item.section);
      return content === undefined ? nil : literal(applyPartial(content, item.partial));
    }
  }
}
