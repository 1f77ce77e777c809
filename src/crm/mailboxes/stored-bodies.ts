/**
 * How the CRM keeps the text and HTML of every message it holds, Webmail entries and e-mail
 * activities alike, for as long as it runs.
 *
 * A JavaScript string with a single character above U+00FF (ę, ś, ł, a curly quote) is stored
 * with two bytes for every character; mail in Polish, or with one typographic quote, is almost
 * all ASCII but paid double. The CRM keeps each body as its UTF-8 bytes, one byte to a
 * character in a Latin-1 string, and reads it back on access: `text` and `html` stay ordinary
 * enumerable string properties to every reader (spread, JSON, comparison), decoded on each read.
 * A body that is ASCII is kept as it is; one with a lone surrogate (which UTF-8 cannot carry)
 * too, so what is read back is always exactly what was stored.
 *
 * A Webmail entry and the activity saved from it share one stored copy (`from`), and a record
 * replaced by a changed copy keeps the stored body when the body did not change (`previous`).
 * The CRM's records are immutable, so keeping a record's bodies makes a copy of it.
 */
export interface Bodies {
  readonly text?: string;
  readonly html?: string;
}

type BodyKey = keyof Bodies;

/** A body as kept: the string itself (ASCII or not UTF-8-safe), or its UTF-8 bytes as Latin-1. */
interface StoredBody {
  readonly kept: string;
  readonly utf8: boolean;
}

const KEYS: readonly BodyKey[] = ['text', 'html'];
const STORED = Symbol('stored message bodies');
const SURROGATE = /[\uD800-\uDFFF]/;

type WithStored = { [STORED]?: Partial<Record<BodyKey, StoredBody>> };

export function storeBody(value: string): StoredBody {
  const bytes = Buffer.from(value, 'utf8');
  // As long as the string: every character was one byte, ASCII; keep a flat copy of it.
  if (bytes.length === value.length) return { kept: bytes.toString('latin1'), utf8: false };
  if (SURROGATE.test(value) && bytes.toString('utf8') !== value) return { kept: value, utf8: false };
  return { kept: bytes.toString('latin1'), utf8: true };
}

export function readBody(body: StoredBody): string {
  return body.utf8 ? Buffer.from(body.kept, 'latin1').toString('utf8') : body.kept;
}

function storedOf(record: object | undefined, key: BodyKey): StoredBody | undefined {
  return (record as WithStored | undefined)?.[STORED]?.[key];
}

/**
 * The getters every kept record shares. One function for all records keeps V8's hidden classes
 * shared too: a getter made for each record (or a data property turned into an accessor in place)
 * gave every record a shape of its own, in dictionary mode, about 0.8 KB a record more.
 */
const GETTERS: Record<BodyKey, (this: WithStored) => string> = {
  text() {
    return readBody(this[STORED]!.text!);
  },
  html() {
    return readBody(this[STORED]!.html!);
  },
};

/**
 * `record` with its text and html (own properties, as a spread leaves them) kept compactly: a
 * copy with the same properties in the same order, the bodies read through shared getters. Each
 * body is taken from `from` when given (its stored copy is shared; a body `from` lacks is
 * dropped); otherwise the value in `record` is stored, reusing `previous`'s stored copy when it
 * reads the same.
 */
export function keepBodiesCompact<T extends Bodies>(record: T, options: { from?: Bodies; previous?: Bodies } = {}): T {
  const stored: Partial<Record<BodyKey, StoredBody>> = {};
  for (const key of KEYS) {
    const shared = options.from ? storedOf(options.from, key) : undefined;
    const value = shared ? undefined : (options.from ?? record)[key];
    const earlier = value === undefined ? undefined : storedOf(options.previous, key);
    const body = shared ?? (earlier && readBody(earlier) === value ? earlier : value === undefined ? undefined : storeBody(value));
    if (body !== undefined) stored[key] = body;
  }
  const kept: Record<string | symbol, unknown> = {};
  const defineBody = (key: BodyKey) => Object.defineProperty(kept, key, { get: GETTERS[key], enumerable: true, configurable: true });
  for (const key of Object.keys(record)) {
    if (key === 'text' || key === 'html') {
      if (stored[key]) defineBody(key);
    } else kept[key] = (record as Record<string, unknown>)[key];
  }
  for (const key of KEYS) if (stored[key] && !Object.hasOwn(kept, key)) defineBody(key);
  Object.defineProperty(kept, STORED, { value: stored, enumerable: false, configurable: true });
  return kept as T;
}
