import type { StoredMessage } from '../../store/index.ts';

/**
 * Wraps a computation over a message's raw source so it runs once per source: stored sources
 * never change (flags and UIDs live beside them), and a sync fetches the same message's parts
 * several times. Keyed weakly by the source Buffer, which copies of a message share, so a
 * message's cached views go when the last copy does.
 */
export function perSource<T>(compute: (raw: Buffer) => T): (raw: Buffer) => T {
  const cache = new WeakMap<Buffer, T>();
  return (raw) => {
    if (cache.has(raw)) return cache.get(raw) as T;
    const value = compute(raw);
    cache.set(raw, value);
    return value;
  };
}

/** perSource for a stored message. */
export function perMessage<T>(compute: (raw: Buffer) => T): (message: StoredMessage) => T {
  const ofSource = perSource(compute);
  return (message) => ofSource(message.raw);
}
