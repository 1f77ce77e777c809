import { envelope } from '../message/envelope.ts';
import { sourceParts } from '../message/header.ts';
import { perMessage } from '../message/per-message.ts';
import { preEncoded } from '../protocol/writer.ts';
import { bodyStructure } from './body-structure.ts';
import { sourceMimeTree } from './section-content.ts';

/**
 * The FETCH items fixed by a message's octets, which the store never alters: ENVELOPE,
 * BODYSTRUCTURE and BODY (RFC 3501 §7.4.2). Each is built and rendered once per message source,
 * then only copied into responses. Flags, which do change, are never cached here.
 */
export const envelopeItem = perMessage((raw) => preEncoded(envelope(sourceParts(raw))));

export const bodyStructureItem = perMessage((raw) => preEncoded(bodyStructure(sourceMimeTree(raw), true)));

/** BODY: the body structure without extension data. */
export const bodyItem = perMessage((raw) => preEncoded(bodyStructure(sourceMimeTree(raw), false)));
