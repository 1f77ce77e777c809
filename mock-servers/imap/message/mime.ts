import { headerValue, splitMessage, type MessageParts } from './header.ts';
import { parameter, parseParameterisedValue, type ParameterisedValue } from './header-params.ts';

/** A MIME entity (RFC 2045): a message, or one part of a multipart body. */
export interface MimeEntity {
  readonly parts: MessageParts;
  /** Lower-cased type and subtype; defaults per RFC 2045 §5.2 and RFC 2046 §5.1.5. */
  readonly type: string;
  readonly subtype: string;
  readonly contentType: ParameterisedValue;
  /** The parts of a multipart entity, in order; empty otherwise. */
  readonly children: readonly MimeEntity[];
  /** The message a message/rfc822 part encapsulates (RFC 2046 §5.2.1). */
  readonly message?: MimeEntity;
}

/** The type of an entity without a (readable) Content-Type (RFC 2045 §5.2). */
const DEFAULT_TYPE = 'text/plain; charset=us-ascii';

/** Nesting deeper than this is treated as opaque content, so hostile input stays cheap. */
const MAX_DEPTH = 20;

export function parseMime(raw: Buffer, defaultType = DEFAULT_TYPE, depth = 0): MimeEntity {
  return mimeEntity(splitMessage(raw), defaultType, depth);
}

/** The MIME tree of an entity already split at its header, so a cached split is not done again. */
export function mimeEntity(parts: MessageParts, defaultType = DEFAULT_TYPE, depth = 0): MimeEntity {
  const declared = parseParameterisedValue(headerValue(parts, 'Content-Type') ?? defaultType);
  // An unreadable Content-Type counts as absent (RFC 2045 §5.2).
  const contentType = mediaType(declared) ? declared : parseParameterisedValue(defaultType);
  const [type, subtype] = mediaType(contentType) ?? ['text', 'plain'];
  const base = { type, subtype, contentType };
  const boundary = parameter(base.contentType, 'boundary');
  if (base.type === 'multipart' && boundary && depth < MAX_DEPTH) {
    // In multipart/digest the parts are messages unless they say otherwise (RFC 2046 §5.1.5).
    const childDefault = base.subtype === 'digest' ? 'message/rfc822' : DEFAULT_TYPE;
    const children = splitMultipart(parts.body, boundary).map((body) => parseMime(body, childDefault, depth + 1));
    return { parts, ...base, children };
  }
  if (base.type === 'message' && base.subtype === 'rfc822' && depth < MAX_DEPTH) {
    return { parts, ...base, children: [], message: parseMime(parts.body, DEFAULT_TYPE, depth + 1) };
  }
  return { parts, ...base, children: [] };
}

function mediaType(value: ParameterisedValue): [string, string] | undefined {
  const match = /^([^\s/]+)\s*\/\s*([^\s/]+)$/.exec(value.value.toLowerCase());
  return match?.[1] && match[2] ? [match[1], match[2]] : undefined;
}

/**
 * The body parts between boundary delimiter lines (RFC 2046 §5.1.1). The line break before a
 * delimiter belongs to the delimiter; text before the first and after the last is ignored.
 */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const bodies: Buffer[] = [];
  let partStart = -1;
  let searchFrom = 0;
  for (;;) {
    const found = body.indexOf(delimiter, searchFrom);
    if (found < 0) break;
    searchFrom = found + 1;
    if (found > 0 && body[found - 1] !== 0x0a) continue;
    let partEnd = found;
    if (partEnd > 0 && body[partEnd - 1] === 0x0a) partEnd--;
    if (partEnd > 0 && body[partEnd - 1] === 0x0d) partEnd--;
    if (partStart >= 0) bodies.push(body.subarray(partStart, Math.max(partStart, partEnd)));
    const after = found + delimiter.length;
    if (body[after] === 0x2d && body[after + 1] === 0x2d) return bodies;
    const lineEnd = body.indexOf(0x0a, after);
    if (lineEnd < 0) return bodies;
    partStart = lineEnd + 1;
    searchFrom = partStart;
  }
  // No closing delimiter: the last part runs to the end (a lenient reading of a cut message).
  if (partStart >= 0) bodies.push(body.subarray(partStart));
  return bodies;
}

/**
 * The entity a part path names (RFC 3501 §6.4.5): numbers index the parts of a multipart;
 * a message/rfc822 part is stepped into; a non-multipart entity has only part 1, itself.
 */
export function findPart(root: MimeEntity, path: readonly number[]): MimeEntity | undefined {
  let node = root;
  for (const [index, number] of path.entries()) {
    const container = index > 0 && node.message ? node.message : node;
    if (container.children.length > 0) {
      const child = container.children[number - 1];
      if (!child) return undefined;
      node = child;
    } else if (number === 1) {
      node = container;
    } else {
      return undefined;
    }
  }
  return node;
}
