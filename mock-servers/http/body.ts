import type { RouteRequest } from './router.ts';
import { HttpProblem } from './problem.ts';

/** A JSON object body, or a 400 that says what was wrong with it. */
export async function jsonObject(request: RouteRequest): Promise<Record<string, unknown>> {
  const text = (await request.body()).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'REQUEST.INVALID_BODY', `The body must be a JSON object: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpProblem(400, 'REQUEST.INVALID_BODY', 'The body must be a JSON object');
  return value as Record<string, unknown>;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new HttpProblem(400, 'REQUEST.INVALID_BODY', `"${name}" must be a non-empty string`, { field: name });
  return value;
}

/** `attachment; filename*=UTF-8''…` with an ASCII fallback (RFC 6266 §4.3). */
export function downloadDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
