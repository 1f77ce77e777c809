import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Route } from '../router.ts';

/**
 * The page to read the mail: plain files, no build step. Its policy lets it load only its own
 * script and style and talk only to this server; a message's HTML is shown in a sandboxed
 * frame that carries a stricter policy of its own (readable-message.ts).
 */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

const DIRECTORY = join(import.meta.dirname, '..', 'page');

export function pageRoutes(): Route[] {
  const serve = async (name: string) => ({
    kind: 'bytes' as const,
    status: 200,
    body: await readFile(join(DIRECTORY, name)),
    contentType: FILES[name]!,
    headers: { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache' },
  });
  return [
    { method: 'GET', pattern: '/', handle: () => serve('index.html') },
    ...Object.keys(FILES).map((name): Route => ({ method: 'GET', pattern: `/${name}`, handle: () => serve(name) })),
  ];
}
