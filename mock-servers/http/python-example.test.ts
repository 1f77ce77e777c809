import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The README's Python example is a real test: run with python3's unittest against the real
 * command, so the example can never drift from what the server does.
 */
const ROOT = join(import.meta.dirname, '..', '..');

describe('the Python example of the HTTP API', () => {
  it('passes: it awaits and reads mail sent over SMTP, scripts a fault and reads a problem', { timeout: 60_000 }, async () => {
    let stderr: string;
    try {
      ({ stderr } = await promisify(execFile)('python3', ['-m', 'unittest', '-v', 'mock-servers/http/examples/test_mail_server.py'], {
        cwd: ROOT,
        timeout: 50_000,
        // The command npm runs, without npm in between: it starts faster.
        env: { ...process.env, MAIL_SERVER_COMMAND: `${process.execPath} --import ./scripts/register-ts.mjs mock-servers/cli.ts` },
      }));
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: string };
      if (e.code === 'ENOENT') throw new Error('python3 is not installed; this test needs it (see README, "Outside mail clients")');
      throw new Error(`The Python example failed:\n${e.stderr ?? e.message}`);
    }
    // unittest reports on stderr: every test by name, then OK.
    expect(stderr).toMatch(/test_mail_sent_over_smtp_can_be_awaited_and_read .* ok/);
    expect(stderr).toMatch(/Ran 3 tests/);
    expect(stderr.trim().endsWith('OK')).toBe(true);
  });
});
