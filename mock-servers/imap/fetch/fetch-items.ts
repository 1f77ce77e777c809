import { astringValue, atomValue, describeToken, type Partial, type Token } from '../protocol/tokens.ts';

/** What a FETCH asks for (RFC 3501 §6.4.5), parsed once before any message is touched. */
export type FetchItem = SimpleItem | BodySectionItem;

const SIMPLE_KINDS = ['UID', 'FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODYSTRUCTURE', 'BODY'] as const;

/** Items without a section; BODY alone is the non-extensible BODYSTRUCTURE. */
export interface SimpleItem {
  readonly kind: (typeof SIMPLE_KINDS)[number];
}

/** BODY[...], BODY.PEEK[...] and the RFC822 forms, which are BODY sections under other names. */
export interface BodySectionItem {
  readonly kind: 'section';
  readonly section: SectionSpec;
  readonly partial?: Partial;
  /** Sets \Seen (RFC 3501 §6.4.5): BODY[...], RFC822, RFC822.TEXT; not .PEEK, not RFC822.HEADER. */
  readonly setsSeen: boolean;
  /** The item name in the response, e.g. `BODY[HEADER.FIELDS (FROM)]<0>` or `RFC822.TEXT`. */
  readonly responseName: string;
}

/** A section: a MIME part path (empty for the whole message) and what of it. */
export interface SectionSpec {
  readonly part: readonly number[];
  readonly text: 'ALL' | 'HEADER' | 'TEXT' | 'MIME' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT';
  readonly fields: readonly string[];
}

export type FetchItemsResult = { readonly ok: true; readonly items: readonly FetchItem[] } | { readonly ok: false; readonly message: string };

const FAST: readonly SimpleItem[] = [{ kind: 'FLAGS' }, { kind: 'INTERNALDATE' }, { kind: 'RFC822.SIZE' }];
const MACROS: Readonly<Record<string, readonly SimpleItem[]>> = {
  FAST,
  ALL: [...FAST, { kind: 'ENVELOPE' }],
  FULL: [...FAST, { kind: 'ENVELOPE' }, { kind: 'BODY' }],
};
const WHOLE: SectionSpec = { part: [], text: 'ALL', fields: [] };

/** One item, a parenthesised list of items, or a macro (ALL, FAST, FULL) standing alone. */
export function parseFetchItems(token: Token): FetchItemsResult {
  const macroName = atomValue(token)?.toUpperCase() ?? '';
  const macro = Object.hasOwn(MACROS, macroName) ? MACROS[macroName] : undefined;
  if (macro) return { ok: true, items: macro };
  const tokens = token.type === 'list' ? token.items : [token];
  if (tokens.length === 0) return { ok: false, message: 'Empty FETCH item list' };
  const items: FetchItem[] = [];
  for (const item of tokens) {
    const parsed = parseItem(item);
    if (typeof parsed === 'string') return { ok: false, message: parsed };
    items.push(parsed);
  }
  return { ok: true, items };
}

function parseItem(token: Token): FetchItem | string {
  if (token.type !== 'atom') return `Invalid FETCH item ${describeToken(token)}`;
  const name = token.value.toUpperCase();
  if (!token.section) {
    if (token.partial) return `Invalid FETCH item ${token.value}`;
    if (name === 'RFC822') return { kind: 'section', section: WHOLE, setsSeen: true, responseName: 'RFC822' };
    if (name === 'RFC822.HEADER') return { kind: 'section', section: { ...WHOLE, text: 'HEADER' }, setsSeen: false, responseName: 'RFC822.HEADER' };
    if (name === 'RFC822.TEXT') return { kind: 'section', section: { ...WHOLE, text: 'TEXT' }, setsSeen: true, responseName: 'RFC822.TEXT' };
    const simple = SIMPLE_KINDS.find((kind) => kind === name);
    if (simple) return { kind: simple };
    if (Object.hasOwn(MACROS, name)) return `${name} is a macro and cannot be combined with other items`;
    return `Unknown FETCH item ${token.value}`;
  }
  if (name !== 'BODY' && name !== 'BODY.PEEK') return `${name}[] is not supported`;
  const section = parseSection(token.section.items);
  if (typeof section === 'string') return section;
  const partial = token.partial;
  const responseName = `BODY[${sectionText(section)}]${partial ? `<${partial.start}>` : ''}`;
  return { kind: 'section', section, ...(partial ? { partial } : {}), setsSeen: name === 'BODY', responseName };
}

/** section-spec (RFC 3501 §9): [part] [HEADER | HEADER.FIELDS[.NOT] (names) | TEXT | MIME]. */
function parseSection(items: readonly Token[]): SectionSpec | string {
  const [first, second] = items;
  if (!first) return WHOLE;
  const spec = atomValue(first)?.toUpperCase() ?? '';
  const match = /^((?:[1-9]\d{0,8})(?:\.[1-9]\d{0,8})*)?(?:(?:^|\.)(HEADER\.FIELDS\.NOT|HEADER\.FIELDS|HEADER|TEXT|MIME))?$/.exec(spec);
  if (spec === '' || !match) return `Invalid section ${describeToken(first)}`;
  const part = match[1] ? match[1].split('.').map(Number) : [];
  const text = (match[2] ?? 'ALL') as SectionSpec['text'];
  if (text === 'MIME' && part.length === 0) return 'MIME requires a part number';
  if (text !== 'HEADER.FIELDS' && text !== 'HEADER.FIELDS.NOT') {
    return items.length === 1 ? { part, text, fields: [] } : `Invalid section ${spec}`;
  }
  if (items.length !== 2 || second?.type !== 'list' || second.items.length === 0) return `${text} needs a list of header field names`;
  const fields = second.items.map(astringValue);
  if (fields.some((field) => field === undefined || !/^[\x21-\x39\x3b-\x7e]+$/.test(field))) return `Invalid header field name in ${text}`;
  return { part, text, fields: fields.filter((field): field is string => field !== undefined) };
}

/** The section as it is echoed in the response, field names upper-cased. */
function sectionText(section: SectionSpec): string {
  const part = section.part.join('.');
  const text = section.text === 'ALL' ? '' : section.text;
  const spec = part && text ? `${part}.${text}` : part || text;
  return section.fields.length > 0 ? `${spec} (${section.fields.map((field) => field.toUpperCase()).join(' ')})` : spec;
}
