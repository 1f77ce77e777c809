export interface EventSource<T> {
  /** Items that already happened, searched before waiting. */
  readonly existing: Iterable<T>;
  /** Starts listening; returns the function that stops it. */
  subscribe(listener: (item: T) => void): () => void;
}

/**
 * Resolves with the first item, past or future, that matches. Driven by events, never by
 * polling; the timeout only turns a hang into a clear failure naming what was awaited.
 */
export function waitForEvent<T>(source: EventSource<T>, predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  for (const item of source.existing) if (predicate(item)) return Promise.resolve(item);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`No ${what} arrived within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = source.subscribe((item) => {
      if (!predicate(item)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(item);
    });
  });
}
