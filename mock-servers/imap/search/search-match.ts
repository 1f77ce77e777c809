import type { StoredMessage } from '../../store/index.ts';
import { internalDay, sentDay, type DayNumber } from '../message/dates.ts';
import { decodeEncodedWords } from '../message/encoded-words.ts';
import { headerValue, messageParts } from '../message/header.ts';
import { sequenceSetHas } from '../protocol/sequence-set.ts';
import type { SearchKey } from './search-keys.ts';
import { searchableBody, searchableText } from './searchable-text.ts';

/** What a key may ask of a message beyond the message: where it is in the session's view. */
export interface MatchContext {
  readonly seq: number;
  /** \Recent in this session (RFC 3501 §2.3.2). */
  readonly recent: boolean;
}

/**
 * Whether a message matches a search key (RFC 3501 §6.4.4). String keys are case-insensitive
 * substring matches on the raw header field, also tried with its RFC 2047 encoded-words
 * decoded, or on the body's text parts, transfer- and charset-decoded.
 */
export function matches(key: SearchKey, message: StoredMessage, context: MatchContext): boolean {
  switch (key.kind) {
    case 'all':
      return true;
    case 'recent':
      return context.recent === key.present;
    case 'flag':
      return hasFlag(message, key.flag) === key.present;
    case 'header':
      return headerContains(message, key.field, key.value);
    case 'body':
      return contains(searchableBody(message), key.value);
    case 'text':
      return contains(searchableText(message), key.value);
    case 'date': {
      const day = key.source === 'internal' ? internalDay(message.internalDate) : sentDayOf(message);
      return day !== undefined && compareDay(day, key.op, key.day);
    }
    case 'size':
      return key.op === 'larger' ? message.size > key.size : message.size < key.size;
    case 'uid':
      return sequenceSetHas(key.set, message.uid);
    case 'seq':
      return sequenceSetHas(key.set, context.seq);
    case 'not':
      return !matches(key.key, message, context);
    case 'or':
      return matches(key.left, message, context) || matches(key.right, message, context);
    case 'and':
      return key.keys.every((inner) => matches(inner, message, context));
  }
}

/** Flags and keywords compare case-insensitively (RFC 3501 §2.3.2). */
function hasFlag(message: StoredMessage, flag: string): boolean {
  const wanted = flag.toLowerCase();
  return [...message.flags].some((present) => present.toLowerCase() === wanted);
}

/** Any field of that name contains the value; an empty value matches any message with the field. */
function headerContains(message: StoredMessage, field: string, value: string): boolean {
  const wanted = field.toLowerCase();
  return messageParts(message).fields.some(
    (candidate) => candidate.name.toLowerCase() === wanted && (contains(candidate.value, value) || contains(decodeEncodedWords(candidate.value), value)),
  );
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

function sentDayOf(message: StoredMessage): DayNumber | undefined {
  const date = headerValue(messageParts(message), 'Date');
  return date === undefined ? undefined : sentDay(date);
}

function compareDay(day: DayNumber, op: 'before' | 'on' | 'since', reference: DayNumber): boolean {
  if (op === 'before') return day < reference;
  if (op === 'on') return day === reference;
  return day >= reference;
}
