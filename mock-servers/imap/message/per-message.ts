import type { StoredMessage } from '../../store/index.ts';

/**
 * Octets one cache of views over message sources may hold (default 8 MiB): a FETCH of a whole
 * large folder would otherwise keep a parsed view of every message for as long as the message
 * lives (about 3 KB each; 100,000 messages kept 350 MB after the session had gone).
 */
export const DEFAULT_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * Wraps a computation over a message's raw source so it runs once per source while it is
 * recently used: stored sources never change (flags and UIDs live beside them), and a sync
 * fetches the same message's parts several times. The cache is bounded by bytes, least
 * recently used first out; an entry is counted as `cost(value, raw)`, by default the source's
 * own size (a parsed view holds pieces of the source and headers decoded from it).
 */
export function perSource<T>(compute: (raw: Buffer) => T, cost: (value: T, raw: Buffer) => number = (_value, raw) => raw.length, budget = DEFAULT_CACHE_BYTES): (raw: Buffer) => T {
  // A Map keeps insertion order: the first key is the least recently used.
  const cache = new Map<Buffer, { readonly value: T; readonly bytes: number }>();
  let held = 0;
  return (raw) => {
    const hit = cache.get(raw);
    if (hit) {
      cache.delete(raw);
      cache.set(raw, hit);
      return hit.value;
    }
    const value = compute(raw);
    const bytes = Math.max(64, cost(value, raw));
    if (bytes > budget) return value;
    cache.set(raw, { value, bytes });
    held += bytes;
    for (const [key, entry] of cache) {
      if (held <= budget) break;
      cache.delete(key);
      held -= entry.bytes;
    }
    return value;
  };
}

/** perSource for a stored message. */
export function perMessage<T>(compute: (raw: Buffer) => T, cost?: (value: T, raw: Buffer) => number): (message: StoredMessage) => T {
  const ofSource = perSource(compute, cost);
  return (message) => ofSource(message.raw);
}

/**
 * Wraps a computation over a message's raw source so that it runs once for the message in
 * hand: the several items of one FETCH response, or a client's next command on the same
 * message, share it. Only the last source is remembered. Parsed sources (a message split into
 * header fields, its MIME tree) are kept no longer on purpose: kept in a cache of even a few
 * entries, they outlive enough young-generation collections that V8 starts allocating them
 * straight into the old generation, and a pass over a large folder then leaves all of them
 * there as garbage. `FETCH 1:* ENVELOPE` over 100,000 messages of 1 KB grew the heap by about
 * 190 MB of parsed headers that way; remembering only the last, by about 50 MB.
 */
export function lastSource<T>(compute: (raw: Buffer) => T): (raw: Buffer) => T {
  let last: { readonly raw: Buffer; readonly value: T } | undefined;
  return (raw) => {
    if (last?.raw === raw) return last.value;
    const value = compute(raw);
    last = { raw, value };
    return value;
  };
}

/** lastSource for a stored message. */
export function lastMessage<T>(compute: (raw: Buffer) => T): (message: StoredMessage) => T {
  const ofSource = lastSource(compute);
  return (message) => ofSource(message.raw);
}
