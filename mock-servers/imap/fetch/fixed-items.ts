import { formatInternalDate } from '../message/dates.ts';
import { envelope } from '../message/envelope.ts';
import { sourceParts } from '../message/header.ts';
import { perMessage } from '../message/per-message.ts';
import { preEncoded, str, type WireValue } from '../protocol/writer.ts';
import { bodyStructure } from './body-structure.ts';
import { sourceMimeTree } from './section-content.ts';

/**
 * The FETCH items that never change for a stored message, built and rendered once, then only
 * copied into responses: ENVELOPE, BODYSTRUCTURE and BODY (RFC 3501 §7.4.2), fixed by the
 * message's octets, which the store never alters; and INTERNALDATE. Flags, which do change,
 * are never cached.
 */
export const envelopeItem = perMessage((raw) => preEncoded(envelope(sourceParts(raw))), encodedBytes);

export const bodyStructureItem = perMessage((raw) => preEncoded(bodyStructure(sourceMimeTree(raw), true)), encodedBytes);

/** BODY: the body structure without extension data. */
export const bodyItem = perMessage((raw) => preEncoded(bodyStructure(sourceMimeTree(raw), false)), encodedBytes);

/** What a rendered item holds: its octets, and the objects around them. */
function encodedBytes(value: WireValue): number {
  return (value.kind === 'encoded' ? value.bytes.length : 0) + 100;
}

const internalDates = new WeakMap<Date, { readonly time: number; readonly item: WireValue }>();

/**
 * INTERNALDATE (RFC 3501 §2.3.3), rendered once per date. Keyed by the message's Date, not its
 * source: two deliveries of the same octets may have different dates. The time is checked on
 * every use, so even a Date changed in place is never answered from a stale entry.
 */
export function internalDateItem(date: Date): WireValue {
  const time = date.getTime();
  const cached = internalDates.get(date);
  if (cached?.time === time) return cached.item;
  const item = preEncoded(str(formatInternalDate(date)));
  internalDates.set(date, { time, item });
  return item;
}
