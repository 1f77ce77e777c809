/**
 * Sequence sets (RFC 3501 §9, `sequence-set`): `1:*`, `2,4:7`, `*`. Used for both message
 * sequence numbers and UIDs; `*` stands for the largest number in use, passed in as `max`.
 * A range may be written either way round (`7:4` is `4:7`).
 */
export interface SequenceRange {
  readonly from: number;
  readonly to: number;
}

export interface SequenceSet {
  readonly ranges: readonly SequenceRange[];
  /** Whether `*` appeared; with max 0 (an empty mailbox) it stands for no number at all. */
  readonly usesStar: boolean;
}

export type SequenceSetResult = { readonly ok: true; readonly set: SequenceSet } | { readonly ok: false; readonly message: string };

const MAX_NZ_NUMBER = 0xffffffff;
const MAX_RANGES = 10000;

export function parseSequenceSet(text: string, max: number): SequenceSetResult {
  const parts = text.split(',');
  if (parts.length > MAX_RANGES) return { ok: false, message: 'Too many ranges in sequence set' };
  const ranges: SequenceRange[] = [];
  let usesStar = false;
  for (const part of parts) {
    const ends = part.split(':');
    if (ends.length > 2) return invalid(text);
    const numbers: number[] = [];
    for (const end of ends) {
      if (end === '*') {
        usesStar = true;
        numbers.push(max);
      } else if (/^[1-9]\d{0,9}$/.test(end) && Number(end) <= MAX_NZ_NUMBER) {
        numbers.push(Number(end));
      } else {
        return invalid(text);
      }
    }
    const first = numbers[0] ?? 0;
    const last = numbers[1] ?? first;
    ranges.push({ from: Math.min(first, last), to: Math.max(first, last) });
  }
  return { ok: true, set: { ranges, usesStar } };
}

export function sequenceSetHas(set: SequenceSet, value: number): boolean {
  return set.ranges.some((range) => value >= range.from && value <= range.to);
}

/**
 * Whether every number in the set is a valid message sequence number for a mailbox with
 * `exists` messages (RFC 3501 §9, `seq-number`: numbers beyond the last message are invalid).
 */
export function withinSequenceNumbers(set: SequenceSet, exists: number): boolean {
  return set.ranges.every((range) => range.from >= 1 && range.to <= exists);
}

function invalid(text: string): SequenceSetResult {
  const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return { ok: false, message: `Invalid sequence set "${shown}"` };
}

/** Ascending numbers as a compact set, `1:3,7` (for APPENDUID and COPYUID, RFC 4315 §3). */
export function formatSequenceSet(numbers: readonly number[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < numbers.length) {
    const start = numbers[index] ?? 0;
    let end = start;
    while (numbers[index + 1] === end + 1) {
      end++;
      index++;
    }
    parts.push(start === end ? String(start) : `${start}:${end}`);
    index++;
  }
  return parts.join(',');
}
