import type { StoredMessage } from '../../store/index.ts';

/**
 * Wraps a computation over a message's raw source so it runs once per message: stored sources
 * never change, and a sync fetches the same message's parts several times. Keyed weakly, so a
 * message's cached views go when the message does.
 */
export function perMessage<T>(compute: (raw: Buffer) => T): (message: StoredMessage) => T {
  const cache = new WeakMap<Buffer, T>();
  return (message) => {
    if (cache.has(message.raw)) return cache.get(message.raw) as T;
    const value = compute(message.raw);
    cache.set(message.raw, value);
    return value;
  };
}
