import { HttpProblem } from './problem.ts';

/** Reading query parameters, with a 400 that names the parameter and what it takes. */

export function optionalText(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

export function wholeNumber(query: URLSearchParams, name: string, limits: { min: number; max: number; fallback: number }): number {
  const text = query.get(name);
  if (text === null || text === '') return limits.fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < limits.min || value > limits.max) {
    throw new HttpProblem(400, 'REQUEST.INVALID_QUERY', `${name} must be a whole number from ${limits.min} to ${limits.max}, not "${text}"`, { parameter: name });
  }
  return value;
}

/** `1500`, `1500ms`, `30s` or `2m`: a duration in milliseconds. */
export function duration(query: URLSearchParams, name: string, limits: { maxMs: number; fallbackMs: number }): number {
  const text = query.get(name);
  if (text === null || text === '') return limits.fallbackMs;
  const match = /^(\d+)(ms|s|m)?$/.exec(text.trim());
  const unit = { ms: 1, s: 1000, m: 60_000 } as const;
  const value = match ? Number(match[1]) * unit[(match[2] ?? 'ms') as keyof typeof unit] : NaN;
  if (Number.isNaN(value) || value > limits.maxMs) {
    throw new HttpProblem(400, 'REQUEST.INVALID_QUERY', `${name} must be a duration such as 5000, 5000ms, 30s or 2m, at most ${limits.maxMs} ms, not "${text}"`, { parameter: name });
  }
  return value;
}

/** A case-insensitive substring test, as a search box does it. */
export function containsIgnoringCase(haystack: string, needle: string | undefined): boolean {
  return needle === undefined || haystack.toLowerCase().includes(needle.toLowerCase());
}
