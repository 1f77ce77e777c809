import { concat, list, nil, nstr, str, type WireValue } from '../protocol/writer.ts';
import { parseAddressList, type AddressItem } from './address.ts';
import { headerValue, type MessageParts } from './header.ts';

/**
 * ENVELOPE (RFC 3501 §7.4.2): date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to,
 * message-id. Values are the header fields as written (unfolded, not decoded); a missing field
 * is NIL, and sender and reply-to fall back to from.
 */
export function envelope(parts: MessageParts): WireValue {
  const from = addresses(parts, 'From');
  const orFrom = (value: WireValue) => (value.kind === 'nil' ? from : value);
  return list([
    nstr(headerValue(parts, 'Date')),
    nstr(headerValue(parts, 'Subject')),
    from,
    orFrom(addresses(parts, 'Sender')),
    orFrom(addresses(parts, 'Reply-To')),
    addresses(parts, 'To'),
    addresses(parts, 'Cc'),
    addresses(parts, 'Bcc'),
    nstr(headerValue(parts, 'In-Reply-To')),
    nstr(headerValue(parts, 'Message-ID')),
  ]);
}

/** A parenthesised list of addresses, or NIL when the field is absent or holds none. */
function addresses(parts: MessageParts, field: string): WireValue {
  const value = headerValue(parts, field);
  const items = value === undefined ? [] : parseAddressList(value);
  return items.length === 0 ? nil : list([concat(items.map(address))]);
}

/** `(name adl mailbox host)`; groups are `(NIL NIL name NIL)` ... `(NIL NIL NIL NIL)`. */
function address(item: AddressItem): WireValue {
  switch (item.kind) {
    case 'mailbox':
      return list([nstr(item.name), nstr(item.route), str(item.mailbox), str(item.host)]);
    case 'group-start':
      return list([nil, nil, str(item.name), nil]);
    case 'group-end':
      return list([nil, nil, nil, nil]);
  }
}
