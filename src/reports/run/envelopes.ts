import type { Envelope, Timestamp } from '@cucumber/messages';

/** Reads a Cucumber messages stream (NDJSON). Throws with the line number on a line that is not JSON. */
export function parseEnvelopes(ndjson: string): Envelope[] {
  return ndjson.split('\n').flatMap((line, index): Envelope[] => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as Envelope];
    } catch {
      throw new Error(`Line ${index + 1} of the messages file is not JSON`);
    }
  });
}

export const toMillis = (t: Timestamp | undefined): number => (t ? t.seconds * 1000 + Math.round(t.nanos / 1e6) : 0);
