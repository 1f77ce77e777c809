import { envelope } from '../message/envelope.ts';
import { headerValue } from '../message/header.ts';
import { parseParameterisedValue, type ParameterisedValue } from '../message/header-params.ts';
import type { MimeEntity } from '../message/mime.ts';
import { concat, list, nil, nstr, num, str, type WireValue } from '../protocol/writer.ts';

/**
 * BODYSTRUCTURE and BODY (RFC 3501 §7.4.2): the MIME tree. `extensible` adds the extension data
 * of BODYSTRUCTURE (md5, disposition, language, location; for multiparts the parameters too).
 */
export function bodyStructure(entity: MimeEntity, extensible: boolean): WireValue {
  if (entity.type === 'multipart' && entity.children.length > 0) {
    const children = entity.children.map((child) => bodyStructure(child, extensible));
    const extension = extensible ? [params(entity.contentType), ...trailingExtension(entity)] : [];
    return list([concat(children), str(entity.subtype), ...extension]);
  }
  const { parts } = entity;
  const fields = [
    str(entity.type),
    str(entity.subtype),
    params(entity.contentType),
    nstr(headerValue(parts, 'Content-ID')),
    nstr(headerValue(parts, 'Content-Description')),
    str(headerValue(parts, 'Content-Transfer-Encoding') ?? '7bit'),
    num(parts.body.length),
  ];
  if (entity.message) {
    fields.push(envelope(entity.message.parts), bodyStructure(entity.message, extensible), num(lineCount(parts.body)));
  } else if (entity.type === 'text') {
    fields.push(num(lineCount(parts.body)));
  }
  const extension = extensible ? [nstr(headerValue(parts, 'Content-MD5')), ...trailingExtension(entity)] : [];
  return list([...fields, ...extension]);
}

/** body-fld-dsp, body-fld-lang, body-fld-loc. */
function trailingExtension(entity: MimeEntity): WireValue[] {
  const disposition = headerValue(entity.parts, 'Content-Disposition');
  const parsed = disposition === undefined ? undefined : parseParameterisedValue(disposition);
  const language = headerValue(entity.parts, 'Content-Language');
  const languages = language?.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '') ?? [];
  return [
    parsed && parsed.value !== '' ? list([str(parsed.value), params(parsed)]) : nil,
    languages.length === 0 ? nil : list(languages.map((tag) => str(tag))),
    nstr(headerValue(entity.parts, 'Content-Location')),
  ];
}

/** body-fld-param: `("name" "value" ...)` or NIL. */
function params(value: ParameterisedValue): WireValue {
  const pairs = value.params.filter(([name]) => name !== '');
  return pairs.length === 0 ? nil : list(pairs.flatMap(([name, text]) => [str(name), str(text)]));
}

/** Lines of text, counting a last line without a line break. */
function lineCount(body: Buffer): number {
  let lines = 0;
  for (const byte of body) if (byte === 0x0a) lines++;
  return body.length > 0 && body[body.length - 1] !== 0x0a ? lines + 1 : lines;
}
