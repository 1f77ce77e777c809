import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** Where Chromium (or Chrome) usually is; CHROMIUM_PATH wins. */
export const CHROMIUM_CANDIDATES: ReadonlyArray<string | undefined> = [
  process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
];

/** The browser binary, or an error that says how to install one: a missing browser fails a test, never skips it. */
export function findChromium(candidates: ReadonlyArray<string | undefined> = CHROMIUM_CANDIDATES): string {
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error('Chromium is needed to check the FAQ page in a real browser, and none was found '
      + `(looked for ${candidates.filter(Boolean).join(', ')}). Install it: apt-get install chromium `
      + '(or set CHROMIUM_PATH to a Chromium or Chrome binary).');
  }
  return found;
}

/** Runs headless Chromium with its own profile directory and returns what it printed. */
export async function headlessChromium(binary: string, profile: string, args: readonly string[]): Promise<string> {
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  const { stdout } = await promisify(execFile)(binary, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`, ...args], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}
