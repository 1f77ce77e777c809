/**
 * Structured MIME header values (RFC 2045 §5.1, RFC 2183 §2): `value; name=token; name="quoted"`.
 * Parameter names are lower-cased; values are kept as written (RFC 2231 continuations and
 * charsets are not interpreted).
 */
export interface ParameterisedValue {
  readonly value: string;
  readonly params: ReadonlyArray<readonly [string, string]>;
}

export function parseParameterisedValue(text: string): ParameterisedValue {
  const withoutComments = stripComments(text);
  const [head = '', ...rest] = splitOutsideQuotes(withoutComments);
  const params: Array<readonly [string, string]> = [];
  for (const piece of rest) {
    const equals = piece.indexOf('=');
    if (equals <= 0) continue;
    const name = piece.slice(0, equals).trim().toLowerCase();
    let value = piece.slice(equals + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, value.endsWith('"') && value.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1');
    if (name) params.push([name, value]);
  }
  return { value: head.trim(), params };
}

export function parameter(value: ParameterisedValue, name: string): string | undefined {
  return value.params.find(([key]) => key === name)?.[1];
}

/** Splits at ";" outside quoted strings. */
function splitOutsideQuotes(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\' && quoted) {
      current += char + text.charAt(++index);
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push(current);
  return pieces;
}

/** Removes (comments) outside quoted strings (RFC 822 style, as RFC 2045 allows). */
function stripComments(text: string): string {
  let result = '';
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\' && (quoted || depth > 0)) {
      if (depth === 0) result += char + text.charAt(index + 1);
      index++;
      continue;
    }
    if (char === '"' && depth === 0) quoted = !quoted;
    if (!quoted && char === '(') depth++;
    if (depth === 0) result += char;
    if (!quoted && char === ')' && depth > 0) depth--;
  }
  return result;
}
