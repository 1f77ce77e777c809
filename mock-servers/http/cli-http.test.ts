import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArguments } from '../cli-arguments.ts';
import { loadDirectory } from '../load-directory.ts';
import { MailStore } from '../store/index.ts';

/** `--http-port`, `--load` and `--config`: parsed, and through the real command. */
const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mail-server-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const eml = (subject: string) => `From: a@client.test\r\nTo: sales@acme.test\r\nSubject: ${subject}\r\n\r\nBody\r\n`;

async function mailTree(): Promise<string> {
  const root = join(dir, 'mail');
  await mkdir(join(root, 'sales@acme.test', 'Projects', '2026'), { recursive: true });
  await mkdir(join(root, 'sales@acme.test', 'Sent'), { recursive: true });
  await writeFile(join(root, 'sales@acme.test', '002.eml'), eml('Second'));
  await writeFile(join(root, 'sales@acme.test', '001.eml'), eml('First'));
  await writeFile(join(root, 'sales@acme.test', 'notes.txt'), 'not mail');
  await writeFile(join(root, 'sales@acme.test', 'Sent', 'reply.eml'), eml('Reply'));
  await writeFile(join(root, 'sales@acme.test', 'Projects', '2026', 'plan.EML'), eml('Plan'));
  return root;
}

describe('--http-port, --load and --config', () => {
  it('reads --http-port, and --config as the same options with the command line winning', async () => {
    expect(parseCliArguments(['--http-port', '8025']).options.http).toEqual({ port: 8025 });
    expect(() => parseCliArguments(['--http-port', 'web'])).toThrow('--http-port must be a port number from 0 to 65535, not "web"');
    const file = join(dir, 'mail-server.json');
    await writeFile(file, JSON.stringify({ user: ['sales@acme.test:secret'], 'smtp-port': 2525, 'imap-port': 1143, tls: true, fault: ['throttle:after=3'], load: 'mail' }));
    const request = parseCliArguments(['--config', file, '--smtp-port', '2526', '--user', 'ann@acme.test:pw']);
    expect(request.users.map((u) => u.address)).toEqual(['sales@acme.test', 'ann@acme.test']);
    expect(request.options).toMatchObject({ smtpPort: 2526, imapPort: 1143, tls: true, faults: [{ kind: 'throttle', afterMessages: 3 }] });
    expect(request.load).toBe('mail');
    await writeFile(file, JSON.stringify({ 'smtp-prot': 25 }));
    expect(() => parseCliArguments([`--config=${file}`])).toThrow("Unknown option '--smtp-prot'");
    await writeFile(file, '{ not json');
    expect(() => parseCliArguments(['--config', file])).toThrow(/--config .*mail-server\.json: not JSON/);
    expect(() => parseCliArguments(['--config', join(dir, 'missing.json')])).toThrow(/cannot read it \(ENOENT\)/);
  });

  it('files .eml files by where they lie, in name order, and refuses an unknown account without filing anything', async () => {
    const root = await mailTree();
    const store = new MailStore();
    const account = store.createAccount({ address: 'sales@acme.test', password: 'x' });
    expect(loadDirectory(store, root)).toEqual({ files: 4 });
    const subjects = (folder: string) => account.folder(folder)!.messages.map((m) => m.raw.toString().match(/Subject: (\w+)/)![1]);
    expect(subjects('INBOX')).toEqual(['First', 'Second']);
    expect(subjects('Sent')).toEqual(['Reply']);
    expect(subjects('Projects/2026')).toEqual(['Plan']);

    await mkdir(join(root, 'bob@acme.test'));
    await writeFile(join(root, 'bob@acme.test', 'x.eml'), eml('X'));
    const empty = new MailStore();
    empty.createAccount({ address: 'sales@acme.test', password: 'x' });
    expect(() => loadDirectory(empty, root)).toThrow(`bob@acme.test/ names no account; accounts: sales@acme.test (add --user bob@acme.test:password)`);
    expect(empty.requireAccount('sales@acme.test').folder('INBOX')!.messages).toHaveLength(0);
  });

  it('starts from a config file that loads mail, prints http= and serves the API', { timeout: 30_000 }, async () => {
    const root = await mailTree();
    const file = join(dir, 'mail-server.json');
    await writeFile(file, JSON.stringify({ user: ['sales@acme.test:secret'], load: root }));
    const child = spawn(process.execPath, ['--import', './scripts/register-ts.mjs', 'mock-servers/cli.ts', '--config', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.stderr.on('data', (chunk: Buffer) => { err += chunk; });
        child.on('exit', (code) => reject(new Error(`mail-server exited (${code}): ${err}`)));
      });
      expect(line).toMatch(/^ready smtp=\d+ imap=\d+ http=\d+$/);
      const http = Number(/http=(\d+)/.exec(line)![1]);
      const accounts = await (await fetch(`http://127.0.0.1:${http}/api/v1/accounts`)).json() as Array<{ folders: Array<{ name: string; messages: number }> }>;
      expect(accounts[0]!.folders.map((f) => `${f.name}:${f.messages}`)).toEqual(['INBOX:2', 'Sent:1', 'Spam:0', 'Trash:0', 'Drafts:0', 'Projects/2026:1']);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
