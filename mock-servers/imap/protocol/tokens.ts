/**
 * The typed token tree a client command is parsed into (RFC 3501 §9 grammar, reduced to what a
 * server needs to tell apart). Interpretation (is this a flag, a sequence set, a mailbox name?)
 * belongs to the command that reads the token, not to the parser.
 */
export type Token = AtomToken | StringToken | NilToken | ListToken;

/** A FETCH section, `[HEADER.FIELDS (FROM TO)]`: the tokens between the brackets. */
export interface Section {
  readonly items: readonly Token[];
}

/** A partial fetch, `<start.length>` (RFC 3501 §6.4.5); length is absent for the `<start>` form. */
export interface Partial {
  readonly start: number;
  readonly length?: number;
}

export interface AtomToken {
  readonly type: 'atom';
  readonly value: string;
  /** Present on `BODY[...]`-style atoms only. */
  readonly section?: Section;
  readonly partial?: Partial;
}

/** A quoted string or a literal; `value` is the UTF-8 reading of `bytes`. */
export interface StringToken {
  readonly type: 'string';
  readonly form: 'quoted' | 'literal';
  readonly value: string;
  readonly bytes: Buffer;
}

export interface NilToken {
  readonly type: 'nil';
}

export interface ListToken {
  readonly type: 'list';
  readonly items: readonly Token[];
}

/** The characters of a tag: ASTRING-CHAR minus "+" (RFC 3501 §9), as a RegExp class body. */
export const TAG_CHARS = '\\x21\\x23\\x24\\x26\\x27\\x2c-\\x5b\\x5d-\\x7a\\x7c-\\x7e';

export interface ParsedCommand {
  readonly tag: string;
  /** Upper-cased; `UID FETCH`, `UID SEARCH`, ... for the UID forms (RFC 3501 §6.4.8). */
  readonly name: string;
  readonly args: readonly Token[];
}

/**
 * An astring (RFC 3501 §9): atom, quoted string or literal. NIL is accepted as the text "NIL",
 * because the grammar lets an astring be the atom NIL (a user may be called NIL).
 */
export function astringValue(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (token.type === 'atom' && !token.section && !token.partial) return token.value;
  if (token.type === 'string') return token.value;
  if (token.type === 'nil') return 'NIL';
  return undefined;
}

/** A plain atom's text, or undefined for anything else (strings, lists, BODY[...] atoms). */
export function atomValue(token: Token | undefined): string | undefined {
  if (token?.type === 'atom' && !token.section && !token.partial) return token.value;
  return undefined;
}

/** The token's text as an astring or, failing that, as an atom-shaped word (for messages). */
export function describeToken(token: Token): string {
  switch (token.type) {
    case 'atom':
      return token.value;
    case 'string':
      return `"${token.value}"`;
    case 'nil':
      return 'NIL';
    case 'list':
      return `(${token.items.map(describeToken).join(' ')})`;
  }
}
