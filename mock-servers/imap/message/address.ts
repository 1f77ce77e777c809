/**
 * RFC 5322 §3.4 address lists, read as IMAP's ENVELOPE needs them (RFC 3501 §7.4.2): each
 * mailbox as name, source route, local part and domain; a group as a start marker carrying its
 * name, its members, and an end marker. Nothing is decoded (encoded-words stay as they are);
 * quoted display names lose their quotes. Malformed input gives a best effort, never an error.
 */
export type AddressItem =
  | { readonly kind: 'mailbox'; readonly name?: string; readonly route?: string; readonly mailbox: string; readonly host: string }
  | { readonly kind: 'group-start'; readonly name: string }
  | { readonly kind: 'group-end' };

type Token =
  | { readonly type: 'word'; readonly text: string; readonly quoted: boolean }
  | { readonly type: 'special'; readonly char: string }
  | { readonly type: 'comment'; readonly text: string };

const SPECIALS = '<>@,:;';

export function parseAddressList(value: string): AddressItem[] {
  const tokens = tokenize(value);
  const items: AddressItem[] = [];
  let inGroup = false;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isSpecial = (token: Token | undefined, chars: string): boolean => token?.type === 'special' && chars.includes(token.char);

  while (pos < tokens.length) {
    const phrase: Token[] = [];
    const comments: string[] = [];
    for (let token = peek(); token && !isSpecial(token, SPECIALS); token = peek()) {
      if (token.type === 'comment') comments.push(token.text);
      else phrase.push(token);
      pos++;
    }
    const next = peek();
    pos++;
    if (next?.type === 'special' && next.char === ':' && !inGroup) {
      items.push({ kind: 'group-start', name: displayName(phrase) ?? '' });
      inGroup = true;
    } else if (next?.type === 'special' && next.char === '<') {
      const inner: Token[] = [];
      for (let token = peek(); token && !isSpecial(token, '>'); token = peek()) {
        if (token.type !== 'comment') inner.push(token);
        pos++;
      }
      pos++;
      items.push(angleAddress(displayName(phrase), inner));
      // Anything up to the next separator (stray text) is ignored.
      while (peek() && !isSpecial(peek(), ',;')) pos++;
    } else if (next?.type === 'special' && next.char === '@') {
      const domain: Token[] = [];
      for (let token = peek(); token && !isSpecial(token, ',;'); token = peek()) {
        if (token.type === 'comment') comments.push(token.text);
        else domain.push(token);
        pos++;
      }
      // An old-style `user@host (Real Name)` takes its name from the comment.
      items.push(mailboxItem(comments[0], undefined, localPart(phrase), joinWords(domain)));
    } else if (phrase.length > 0) {
      items.push(mailboxItem(undefined, undefined, localPart(phrase), ''));
    }
    if (next?.type === 'special' && next.char === ';' && inGroup) {
      items.push({ kind: 'group-end' });
      inGroup = false;
    }
  }
  if (inGroup) items.push({ kind: 'group-end' });
  return items;
}

/** `<@route,@route:local@domain>`, the route being obsolete syntax (RFC 5322 §4.4). */
function angleAddress(name: string | undefined, inner: Token[]): AddressItem {
  const colon = inner.findIndex((token) => token.type === 'special' && token.char === ':');
  const route = colon > 0 && inner[0]?.type === 'special' && inner[0].char === '@' ? joinWords(inner.slice(0, colon)) : undefined;
  const spec = route === undefined ? inner : inner.slice(colon + 1);
  const at = spec.map((token) => token.type === 'special' && token.char === '@').lastIndexOf(true);
  if (at < 0) return mailboxItem(name, route, localPart(spec), '');
  return mailboxItem(name, route, localPart(spec.slice(0, at)), joinWords(spec.slice(at + 1)));
}

function mailboxItem(name: string | undefined, route: string | undefined, mailbox: string, host: string): AddressItem {
  return { kind: 'mailbox', ...(name ? { name } : {}), ...(route ? { route } : {}), mailbox, host };
}

/** Display-name words joined by single spaces, quotes removed (RFC 5322 §3.2.5 phrase). */
function displayName(phrase: Token[]): string | undefined {
  const words = phrase.flatMap((token) => (token.type === 'word' ? [token.text] : token.type === 'special' ? [token.char] : []));
  return words.length === 0 ? undefined : words.join(' ');
}

/** A local part keeps its quotes, so that `local@host` is still a valid address. */
function localPart(tokens: Token[]): string {
  return tokens.map((token) => (token.type === 'word' && token.quoted ? `"${token.text.replace(/["\\]/g, '\\$&')}"` : tokenText(token))).join('');
}

function joinWords(tokens: Token[]): string {
  return tokens.map(tokenText).join('');
}

function tokenText(token: Token): string {
  return token.type === 'special' ? token.char : token.type === 'word' ? token.text : '';
}

/** The rest of a word: up to whitespace, a quote, a comment or a special. */
const WORD_RUN = /[^\s"(<>@,:;]+/y;

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < value.length) {
    const char = value.charAt(pos);
    if (/\s/.test(char)) {
      pos++;
    } else if (char === '"') {
      const [text, end] = readDelimited(value, pos + 1, '"');
      tokens.push({ type: 'word', text, quoted: true });
      pos = end;
    } else if (char === '(') {
      const [text, end] = readComment(value, pos + 1);
      tokens.push({ type: 'comment', text });
      pos = end;
    } else if (SPECIALS.includes(char)) {
      tokens.push({ type: 'special', char });
      pos++;
    } else if (char === '[') {
      const close = value.indexOf(']', pos);
      const end = close < 0 ? value.length : close + 1;
      tokens.push({ type: 'word', text: value.slice(pos, end), quoted: false });
      pos = end;
    } else {
      const start = pos;
      WORD_RUN.lastIndex = pos;
      pos = WORD_RUN.test(value) ? WORD_RUN.lastIndex : pos + 1;
      tokens.push({ type: 'word', text: value.slice(start, pos), quoted: false });
    }
  }
  return tokens;
}

/** Reads up to an unescaped closing character; returns the unescaped text and the next offset. */
function readDelimited(value: string, pos: number, close: string): [string, number] {
  let text = '';
  while (pos < value.length) {
    const char = value.charAt(pos++);
    if (char === close) return [text, pos];
    text += char === '\\' && pos < value.length ? value.charAt(pos++) : char;
  }
  return [text, pos];
}

/** Comments nest (RFC 5322 §3.2.2). */
function readComment(value: string, pos: number): [string, number] {
  let depth = 1;
  let text = '';
  while (pos < value.length) {
    const char = value.charAt(pos++);
    if (char === '\\' && pos < value.length) {
      text += value.charAt(pos++);
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) return [text.trim(), pos];
    text += char;
  }
  return [text.trim(), pos];
}
