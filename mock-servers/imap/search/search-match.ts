import type { StoredMessage } from '../../store/index.ts';
import { internalDay, sentDay, type DayNumber } from '../message/dates.ts';
import { decodeEncodedWords } from '../message/encoded-words.ts';
import { headerValue, messageParts } from '../message/header.ts';
import { sequenceSetHas } from '../protocol/sequence-set.ts';
import type { SearchKey } from './search-keys.ts';

/**
 * Whether a message matches a search key (RFC 3501 §6.4.4). String keys are case-insensitive
 * substring matches on the raw header field or body, also tried against the header with its
 * RFC 2047 encoded-words decoded; bodies are matched as stored (not transfer-decoded).
 */
export function matches(key: SearchKey, message: StoredMessage, seq: number): boolean {
  switch (key.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'flag':
      return hasFlag(message, key.flag) === key.present;
    case 'header':
      return headerContains(message, key.field, key.value);
    case 'body':
      return contains(messageParts(message).body.toString('utf8'), key.value);
    case 'text':
      return contains(decodeEncodedWords(messageParts(message).header.toString('utf8')), key.value) || contains(message.raw.toString('utf8'), key.value);
    case 'date': {
      const day = key.source === 'internal' ? internalDay(message.internalDate) : sentDayOf(message);
      return day !== undefined && compareDay(day, key.op, key.day);
    }
    case 'size':
      return key.op === 'larger' ? message.size > key.size : message.size < key.size;
    case 'uid':
      return sequenceSetHas(key.set, message.uid);
    case 'seq':
      return sequenceSetHas(key.set, seq);
    case 'not':
      return !matches(key.key, message, seq);
    case 'or':
      return matches(key.left, message, seq) || matches(key.right, message, seq);
    case 'and':
      return key.keys.every((inner) => matches(inner, message, seq));
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
