/** Date handling for INTERNALDATE (RFC 3501 §2.3.3) and the date search keys (§6.4.4). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** `02-Mar-2026 10:00:00 +0000` (RFC 3501 §9, date-time), always in UTC. */
export function formatInternalDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()}`;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/**
 * A calendar day as a number (days since 1970-01-01), so that dates compare "disregarding
 * time and timezone" as the search keys require.
 */
export type DayNumber = number;

/** The day of an INTERNALDATE; shown in UTC, so compared in UTC. */
export function internalDay(date: Date): DayNumber {
  return Math.floor(date.getTime() / DAY_MS);
}

/** A search date, `1-Feb-1994` (RFC 3501 §9, date-text), or undefined when malformed. */
export function parseSearchDate(text: string): DayNumber | undefined {
  const match = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  if (!match) return undefined;
  return dayOf(Number(match[3]), match[2] ?? '', Number(match[1]));
}

/**
 * The calendar day written in an RFC 5322 Date header (§3.3), in the header's own zone:
 * `Mon, 2 Mar 2026 10:00:00 +0100` is 2 March. Undefined when no date can be read.
 */
export function sentDay(header: string): DayNumber | undefined {
  const match = /(?:^|[\s,])(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})(?:\s|$)/.exec(header);
  if (!match) return undefined;
  let year = Number(match[3]);
  // Two- and three-digit years are obsolete syntax (RFC 5322 §4.3).
  if (year < 50) year += 2000;
  else if (year < 1000) year += 1900;
  return dayOf(year, match[2] ?? '', Number(match[1]));
}

function dayOf(year: number, monthName: string, day: number): DayNumber | undefined {
  const month = MONTHS.findIndex((name) => name.toLowerCase() === monthName.toLowerCase());
  if (month < 0 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month, day);
  if (new Date(time).getUTCDate() !== day) return undefined;
  return Math.floor(time / DAY_MS);
}

/**
 * An APPEND date-time (RFC 3501 §9): `"02-Mar-2026 10:00:00 +0100"`, the day possibly
 * space-padded. Undefined when malformed or not a real date.
 */
export function parseInternalDate(text: string): Date | undefined {
  const match = /^([ \d]?\d)-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year, hours, minutes, seconds, sign, zoneHours, zoneMinutes] = match;
  const dayNumber = dayOf(Number(year), month ?? '', Number(day?.trim()));
  if (dayNumber === undefined || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 60 || Number(zoneMinutes) > 59) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes));
  return new Date(dayNumber * DAY_MS + ((Number(hours) * 60 + Number(minutes) - offset) * 60 + Number(seconds)) * 1000);
}
