import { parseSearchDate, type DayNumber } from '../message/dates.ts';
import { astringValue, atomValue, describeToken, type Token } from '../protocol/tokens.ts';
import { parseSequenceSet, type SequenceSet } from '../protocol/sequence-set.ts';

/** A search criterion (RFC 3501 §6.4.4), parsed before any message is looked at. */
export type SearchKey =
  | { readonly kind: 'all' }
  | { readonly kind: 'recent'; readonly present: boolean }
  | { readonly kind: 'flag'; readonly flag: string; readonly present: boolean }
  | { readonly kind: 'header'; readonly field: string; readonly value: string }
  | { readonly kind: 'body' | 'text'; readonly value: string }
  | { readonly kind: 'date'; readonly source: 'internal' | 'sent'; readonly op: 'before' | 'on' | 'since'; readonly day: DayNumber }
  | { readonly kind: 'size'; readonly op: 'larger' | 'smaller'; readonly size: number }
  | { readonly kind: 'uid' | 'seq'; readonly set: SequenceSet }
  | { readonly kind: 'not'; readonly key: SearchKey }
  | { readonly kind: 'or'; readonly left: SearchKey; readonly right: SearchKey }
  | { readonly kind: 'and'; readonly keys: readonly SearchKey[] };

export interface SearchLimits {
  /** What `*` means in a sequence-number set and in a UID set. */
  readonly maxSeq: number;
  readonly maxUid: number;
}

const FLAG_KEYS: Readonly<Record<string, readonly [string, boolean]>> = {
  ANSWERED: ['\\Answered', true], UNANSWERED: ['\\Answered', false],
  DELETED: ['\\Deleted', true], UNDELETED: ['\\Deleted', false],
  DRAFT: ['\\Draft', true], UNDRAFT: ['\\Draft', false],
  FLAGGED: ['\\Flagged', true], UNFLAGGED: ['\\Flagged', false],
  SEEN: ['\\Seen', true], UNSEEN: ['\\Seen', false],
};
const HEADER_KEYS = new Set(['FROM', 'TO', 'CC', 'BCC', 'SUBJECT']);
const DATE_KEYS: Readonly<Record<string, readonly ['internal' | 'sent', 'before' | 'on' | 'since']>> = {
  BEFORE: ['internal', 'before'], ON: ['internal', 'on'], SINCE: ['internal', 'since'],
  SENTBEFORE: ['sent', 'before'], SENTON: ['sent', 'on'], SENTSINCE: ['sent', 'since'],
};
const MAX_DEPTH = 50;

export type SearchKeyResult = { readonly ok: true; readonly key: SearchKey } | { readonly ok: false; readonly message: string };

class SearchSyntaxError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** All the given keys must match (RFC 3501 §6.4.4: keys are ANDed). */
export function parseSearchKeys(tokens: readonly Token[], limits: SearchLimits): SearchKeyResult {
  if (tokens.length === 0) return { ok: false, message: 'SEARCH needs at least one search key' };
  try {
    const reader = new KeyReader(tokens, limits);
    const keys: SearchKey[] = [];
    while (!reader.done()) keys.push(reader.key(0));
    return { ok: true, key: keys.length === 1 && keys[0] ? keys[0] : { kind: 'and', keys } };
  } catch (error) {
    if (error instanceof SearchSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

class KeyReader {
  private readonly tokens: readonly Token[];
  private readonly limits: SearchLimits;
  private pos = 0;

  constructor(tokens: readonly Token[], limits: SearchLimits) {
    this.tokens = tokens;
    this.limits = limits;
  }

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  key(depth: number): SearchKey {
    if (depth > MAX_DEPTH) throw new SearchSyntaxError('Search keys nested too deeply');
    const token = this.tokens[this.pos++];
    if (!token) throw new SearchSyntaxError('Missing search key');
    if (token.type === 'list') {
      if (token.items.length === 0) throw new SearchSyntaxError('Empty parenthesised search key');
      const inner = new KeyReader(token.items, this.limits);
      const keys: SearchKey[] = [];
      while (!inner.done()) keys.push(inner.key(depth + 1));
      return { kind: 'and', keys };
    }
    const word = atomValue(token);
    if (word === undefined) throw new SearchSyntaxError(`Invalid search key ${describeToken(token)}`);
    if (/^[\d:*,]+$/.test(word)) return { kind: 'seq', set: this.set(word, this.limits.maxSeq) };
    const name = word.toUpperCase();
    const flag = Object.hasOwn(FLAG_KEYS, name) ? FLAG_KEYS[name] : undefined;
    if (flag) return { kind: 'flag', flag: flag[0], present: flag[1] };
    const date = Object.hasOwn(DATE_KEYS, name) ? DATE_KEYS[name] : undefined;
    if (date) return { kind: 'date', source: date[0], op: date[1], day: this.date(name) };
    if (HEADER_KEYS.has(name)) return { kind: 'header', field: name, value: this.string(name) };
    switch (name) {
      case 'ALL':
        return { kind: 'all' };
      case 'RECENT':
      case 'OLD':
        return { kind: 'recent', present: name === 'RECENT' };
      case 'NEW':
        // RECENT UNSEEN (RFC 3501 §6.4.4).
        return { kind: 'and', keys: [{ kind: 'recent', present: true }, { kind: 'flag', flag: '\\Seen', present: false }] };
      case 'KEYWORD':
      case 'UNKEYWORD':
        return { kind: 'flag', flag: this.atom(name), present: name === 'KEYWORD' };
      case 'HEADER':
        return { kind: 'header', field: this.string(name), value: this.string(name) };
      case 'BODY':
      case 'TEXT':
        return { kind: name === 'BODY' ? 'body' : 'text', value: this.string(name) };
      case 'LARGER':
      case 'SMALLER':
        return { kind: 'size', op: name === 'LARGER' ? 'larger' : 'smaller', size: this.number(name) };
      case 'UID':
        return { kind: 'uid', set: this.set(this.atom(name), this.limits.maxUid) };
      case 'NOT':
        return { kind: 'not', key: this.key(depth + 1) };
      case 'OR': {
        const left = this.key(depth + 1);
        return { kind: 'or', left, right: this.key(depth + 1) };
      }
      default:
        throw new SearchSyntaxError(`Unknown search key ${word}`);
    }
  }

  private argument(name: string): Token {
    const token = this.tokens[this.pos++];
    if (!token) throw new SearchSyntaxError(`${name} needs an argument`);
    return token;
  }

  private string(name: string): string {
    const value = astringValue(this.argument(name));
    if (value === undefined) throw new SearchSyntaxError(`${name} needs a string argument`);
    return value;
  }

  private atom(name: string): string {
    const value = atomValue(this.argument(name));
    if (value === undefined) throw new SearchSyntaxError(`${name} needs an atom argument`);
    return value;
  }

  private number(name: string): number {
    const value = this.atom(name);
    if (!/^\d{1,10}$/.test(value)) throw new SearchSyntaxError(`${name} needs a number`);
    return Number(value);
  }

  private date(name: string): DayNumber {
    const day = parseSearchDate(this.string(name));
    if (day === undefined) throw new SearchSyntaxError(`${name} needs a date like 1-Feb-2026`);
    return day;
  }

  private set(text: string, max: number): SequenceSet {
    const result = parseSequenceSet(text, max);
    if (!result.ok) throw new SearchSyntaxError(result.message);
    return result.set;
  }
}
