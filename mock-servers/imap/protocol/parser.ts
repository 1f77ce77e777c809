import { TAG_CHARS, type AtomToken, type ListToken, type ParsedCommand, type Partial, type Section, type StringToken, type Token } from './tokens.ts';

/**
 * Turns one framed command into `{ tag, name, args }` (RFC 3501 §9). Never throws on client
 * input: a malformed command is a value the dispatcher answers with BAD.
 *
 * The command is read as latin1 so that one character is one octet: literal lengths count
 * octets, and quoted strings and literals are decoded as UTF-8 only once they are cut out.
 */
export type ParseResult =
  | { readonly ok: true; readonly command: ParsedCommand }
  | { readonly ok: false; readonly tag: string | undefined; readonly message: string };

const TAG_CHAR = new RegExp(`[${TAG_CHARS}]`);
/** Printable ASCII minus the characters that start or end another token. */
const ATOM_CHAR = /[\x21\x23-\x27\x2a-\x7a\x7c-\x7e]/;
/** ATOM_CHAR without "[", which may open a section; inside a section "]" closes it. */
const WORD_CHAR = /[\x21\x23-\x27\x2a-\x5a\x5c-\x7a\x7c-\x7e]/;
const SECTION_WORD_CHAR = /[\x21\x23-\x27\x2a-\x5a\x5c\x5e-\x7a\x7c-\x7e]/;
/** Atoms that take a `[section]` (RFC 3501 §6.4.5); elsewhere "[" is an ordinary astring char. */
const SECTION_ATOMS = new Set(['BODY', 'BODY.PEEK', 'BINARY', 'BINARY.PEEK', 'BINARY.SIZE']);
const MAX_NESTING = 16;
const MAX_NUMBER = 0xffffffff;

class CommandSyntaxError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export function parseCommand(bytes: Buffer): ParseResult {
  const text = bytes.toString('latin1');
  let tag: string | undefined;
  try {
    const cursor = new Cursor(text);
    tag = cursor.readWhile(TAG_CHAR);
    if (tag === '') {
      tag = undefined;
      return { ok: false, tag, message: text.trim() === '' ? 'Empty command line' : 'Missing or invalid tag' };
    }
    if (cursor.atEnd()) return { ok: false, tag, message: 'Missing command name' };
    if (cursor.peek() !== ' ') return { ok: false, tag, message: 'Invalid character in tag' };
    cursor.skipSpaces();
    let name = cursor.readWhile(ATOM_CHAR).toUpperCase();
    if (name === '') return { ok: false, tag, message: 'Missing command name' };
    cursor.expectTokenEnd();
    if (name === 'UID') {
      cursor.skipSpaces();
      const sub = cursor.readWhile(ATOM_CHAR).toUpperCase();
      if (sub === '') return { ok: false, tag, message: 'UID must be followed by a command name' };
      cursor.expectTokenEnd();
      name = `UID ${sub}`;
    }
    const args: Token[] = [];
    while (!cursor.atEnd()) {
      cursor.skipSpaces();
      if (cursor.atEnd()) break;
      args.push(cursor.readToken(0, false));
      cursor.expectTokenEnd();
    }
    return { ok: true, command: { tag, name, args } };
  } catch (error) {
    if (error instanceof CommandSyntaxError) return { ok: false, tag, message: error.message };
    throw error;
  }
}

class Cursor {
  private readonly text: string;
  private pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  readWhile(pattern: RegExp): string {
    const start = this.pos;
    while (this.pos < this.text.length && pattern.test(this.text.charAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }

  /** After a token comes a space, a closing bracket, or the end of the command. */
  expectTokenEnd(closer = ''): void {
    const next = this.peek();
    if (next === '' || next === ' ' || (closer !== '' && next === closer)) return;
    throw this.error(`Unexpected character ${printable(next)}`);
  }

  readToken(depth: number, inSection: boolean): Token {
    const first = this.peek();
    if (first === '(') return this.readList(depth + 1, inSection);
    if (first === '"') return this.readQuoted();
    if (first === '{') return this.readLiteral();
    return this.readAtom(depth, inSection);
  }

  private readList(depth: number, inSection: boolean): ListToken {
    if (depth > MAX_NESTING) throw this.error('Lists nested too deeply');
    return { type: 'list', items: this.readItemsUntil(')', depth, inSection) };
  }

  /** The tokens after an opening bracket, up to and past the matching `close`. */
  private readItemsUntil(close: ')' | ']', depth: number, inSection: boolean): Token[] {
    this.pos++;
    const items: Token[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.atEnd()) throw this.error(`Missing "${close}"`);
      if (this.peek() === close) break;
      items.push(this.readToken(depth, inSection));
      this.expectTokenEnd(close);
    }
    this.pos++;
    return items;
  }

  /**
   * RFC 3501 §4.3: only \" and \\ may be escaped. 8-bit octets are accepted and read as UTF-8,
   * as IMAP4rev2 allows (RFC 9051 §4.3), since some clients send them.
   */
  private readQuoted(): StringToken {
    this.pos++;
    let content = '';
    for (;;) {
      if (this.atEnd()) throw this.error('Unterminated quoted string');
      const char = this.text.charAt(this.pos++);
      if (char === '"') break;
      if (char === '\r' || char === '\n' || char === '\0') throw this.error('Quoted strings cannot contain CR, LF or NUL');
      if (char === '\\') {
        const escaped = this.text.charAt(this.pos++);
        if (escaped !== '"' && escaped !== '\\') throw this.error('Invalid escape in quoted string');
        content += escaped;
      } else {
        content += char;
      }
    }
    const bytes = Buffer.from(content, 'latin1');
    return { type: 'string', form: 'quoted', value: bytes.toString('utf8'), bytes };
  }

  /** `{n}` or `{n+}` (RFC 7888), CRLF, then n octets; the framer has already checked the sizes. */
  private readLiteral(): StringToken {
    const header = /^\{(\d{1,10})\+?\}\r\n/.exec(this.text.slice(this.pos, this.pos + 16));
    if (!header) throw this.error('Invalid literal');
    const size = Number(header[1]);
    const start = this.pos + header[0].length;
    if (start + size > this.text.length) throw this.error('Literal data is incomplete');
    const bytes = Buffer.from(this.text.slice(start, start + size), 'latin1');
    this.pos = start + size;
    return { type: 'string', form: 'literal', value: bytes.toString('utf8'), bytes };
  }

  private readAtom(depth: number, inSection: boolean): Token {
    let value = '';
    let section: Section | undefined;
    for (;;) {
      value += this.readWhile(inSection ? SECTION_WORD_CHAR : WORD_CHAR);
      if (this.peek() !== '[') break;
      if (!inSection && SECTION_ATOMS.has(value.toUpperCase())) {
        section = this.readSection(depth);
        break;
      }
      value += '[';
      this.pos++;
    }
    if (value === '') throw this.error(`Unexpected character ${printable(this.peek())}`);
    const partial = section && this.peek() === '<' ? this.readPartial() : undefined;
    if (!section && value.toUpperCase() === 'NIL') return { type: 'nil' };
    const atom: AtomToken = { type: 'atom', value, ...(section ? { section } : {}), ...(partial ? { partial } : {}) };
    return atom;
  }

  private readSection(depth: number): Section {
    return { items: this.readItemsUntil(']', depth, true) };
  }

  /** `<start.length>` (RFC 3501 §6.4.5); `<start>` alone is accepted too. */
  private readPartial(): Partial {
    const match = /^<(\d{1,10})(?:\.(\d{1,10}))?>/.exec(this.text.slice(this.pos, this.pos + 24));
    if (!match) throw this.error('Invalid partial range');
    this.pos += match[0].length;
    const start = Number(match[1]);
    const length = match[2] === undefined ? undefined : Number(match[2]);
    if (start > MAX_NUMBER || (length !== undefined && (length === 0 || length > MAX_NUMBER))) {
      throw this.error('Invalid partial range');
    }
    return length === undefined ? { start } : { start, length };
  }

  private error(message: string): CommandSyntaxError {
    return new CommandSyntaxError(message);
  }
}

function printable(char: string): string {
  if (char === '') return 'at end of command';
  const code = char.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? `"${char}"` : `0x${code.toString(16).padStart(2, '0')}`;
}
