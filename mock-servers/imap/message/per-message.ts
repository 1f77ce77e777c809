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
