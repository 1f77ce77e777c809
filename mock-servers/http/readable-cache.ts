import { readableMessage, type ReadableMessage } from '../readable-message.ts';

/** Parsed once per message source: opening a message and then its attachments parses once. */
const parsed = new WeakMap<Buffer, Promise<ReadableMessage>>();

export function readableOf(raw: Buffer): Promise<ReadableMessage> {
  let readable = parsed.get(raw);
  if (!readable) {
    readable = readableMessage(raw);
    parsed.set(raw, readable);
  }
  return readable;
}
