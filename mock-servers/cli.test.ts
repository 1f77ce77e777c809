import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { testCertificate } from './tls/index.ts';

/**
 * The real command: through `npm run -s mail-server` where npm's part matters (signals), else
 * the script line of package.json run directly, which starts faster. Waited on through its
 * ready line and its exit, never through sleeps.
 */
const ROOT = join(import.meta.dirname, '..');
const SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['mail-server']!;
// `exec` makes the server npm's own child, so a signal npm forwards reaches it (see README).
const [program, ...scriptArgs] = SCRIPT.replace(/^exec /, '').split(/\s+/);

interface Run {
  readonly child: ChildProcess;
  /** The first stdout line, or a rejection with stderr if the process ends first. */
  readonly ready: Promise<string>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function run(args: string[], options: { viaNpm?: boolean } = {}): Run {
  if (program !== 'node') throw new Error(`The mail-server script no longer starts with node: ${SCRIPT}`);
  const child = options.viaNpm
    ? spawn('npm', ['run', '-s', 'mail-server', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [...scriptArgs, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    void exit.then((result) => reject(new Error(`mail-server exited (${result.code}) before it was ready: ${result.stderr}`)));
  });
  // A run that is meant to fail is awaited through `exit`; its `ready` must not go unhandled.
  ready.catch(() => undefined);
  return { child, ready, exit };
}

const ports = (line: string) => Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => { socket.destroy(); resolve(false); });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('error', () => undefined);
    socket.once('data', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('npm run mail-server', { timeout: 30_000 }, () => {
  it('prints one ready line, serves SMTP and IMAP, and stops on SIGTERM to npm with every socket closed', async () => {
    const server = run(['--user', 'sales@acme.test:secret', '--user', 'ann@acme.test:pw'], { viaNpm: true });
    const line = await server.ready;
    expect(line).toMatch(/^ready smtp=\d+ imap=\d+ http=\d+$/);
    const { smtp, imap } = ports(line) as { smtp: number; imap: number };
    await nodemailer.createTransport({ host: '127.0.0.1', port: smtp, ignoreTLS: true })
      .sendMail({ from: 'jan@client.test', to: 'ann@acme.test', subject: 'Hello', text: 'x' });
    const flow = new ImapFlow({ host: '127.0.0.1', port: imap, secure: false, auth: { user: 'ann@acme.test', pass: 'pw' }, logger: false });
    await flow.connect();
    expect(await flow.status('INBOX', { messages: true })).toMatchObject({ messages: 1 });
    await flow.logout();
    // A client still connected when the signal comes is disconnected, not waited for.
    const idle = await openSocket(imap);
    server.child.kill('SIGTERM');
    const result = await server.exit;
    await idle.closed;
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.stdout).toBe(`${line}\n`);
    expect(result.stderr).not.toMatch(/error/i);
    expect(await refused(smtp)).toBe(true);
    expect(await refused(imap)).toBe(true);
  });

  it('stops on SIGINT with exit code 0', async () => {
    const server = run([]);
    await server.ready;
    server.child.kill('SIGINT');
    expect((await server.exit).code).toBe(0);
  });

  it('listens on the ports it is given', async () => {
    const free = await freePorts(3);
    const server = run(['--smtp-port', String(free[0]), '--imap-port', String(free[1]), '--http-port', String(free[2])]);
    expect(await server.ready).toBe(`ready smtp=${free[0]} imap=${free[1]} http=${free[2]}`);
    server.child.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  });

  it('with --tls, lists the submission and implicit-TLS listeners after smtp and imap, and serves TLS', async () => {
    const server = run(['--tls', '--require-tls', '--submission-port', '0', '--user', 'sales@acme.test:secret']);
    const line = await server.ready;
    expect(line).toMatch(/^ready smtp=\d+ imap=\d+ submission=\d+ smtps=\d+ imaps=\d+ http=\d+$/);
    const { smtps, imaps } = ports(line) as { smtps: number; imaps: number };
    const auth = { user: 'sales@acme.test', pass: 'secret' };
    const tls = { ca: testCertificate() };
    await nodemailer.createTransport({ host: '127.0.0.1', port: smtps, secure: true, auth, tls })
      .sendMail({ from: 'sales@acme.test', to: 'sales@acme.test', subject: 'TLS', text: 'x' });
    const flow = new ImapFlow({ host: '127.0.0.1', port: imaps, secure: true, auth, tls, logger: false });
    await flow.connect();
    expect(await flow.status('INBOX', { messages: true })).toMatchObject({ messages: 1 });
    await flow.logout();
    server.child.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  });

  it.each([
    [['--smtp-port', '70000'], /--smtp-port must be a port number from 0 to 65535, not "70000"/],
    [['--tls-key', '/nonexistent/key.pem', '--tls-cert', '/nonexistent/cert.pem'], /Cannot read the TLS key file \/nonexistent\/key\.pem \(ENOENT\)/],
    [['--fault', 'greylist:retry=5m'], /--fault greylist:retry=5m: Fault "greylist:retry=5m": unknown option "retry" for greylist/],
  ])('refuses %j with a clear message and exit code 2 (the other refusals: cli-arguments.test.ts)', async (args, message) => {
    const result = await run(args).exit;
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('serves the faults given with --fault: a greylisted sender, then a refused second recipient', async () => {
    const server = run(['--user', 'sales@acme.test:secret', '--user', 'ann@acme.test:pw', '--fault', 'greylist:retry-after=0s', '--fault', 'refuse-recipient:address=ann@acme.test,code=550', '--seed', '7']);
    const { smtp } = ports(await server.ready) as { smtp: number };
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp, ignoreTLS: true });
    const mail = { from: 'jan@client.test', to: ['sales@acme.test', 'ann@acme.test'], subject: 'Hello', text: 'x' };
    // The first attempt of each triple is greylisted; the retry (delay 0) passes the greylist.
    await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    const info = await transport.sendMail(mail);
    expect(info.accepted).toEqual(['sales@acme.test']);
    expect(info.rejected).toEqual(['ann@acme.test']);
    server.child.kill('SIGTERM');
    const result = await server.exit;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('mail-server: fault (smtp) greylist, retry accepted after 0 ms: RCPT TO:<sales@acme.test> greylisted\n');
    expect(result.stderr).toContain('mail-server: fault (smtp) refuse <ann@acme.test> with 550: RCPT TO:<ann@acme.test> refused with 550\n');
  });

  it('keeps transcripts only with --transcripts, then writes them to standard error with passwords hidden', async () => {
    const session = async (imap: number) => {
      const { socket, closed } = await openSocket(imap);
      socket.write('a1 LOGIN sales@acme.test wrong-password\r\n');
      await closed;
    };
    const quiet = run(['--user', 'sales@acme.test:secret', '--max-auth-failures', '1', '--auth-failure-delay', '10ms']);
    await session(ports(await quiet.ready).imap!);
    quiet.child.kill('SIGTERM');
    expect((await quiet.exit).stderr).toBe('');
    const told = run(['--user', 'sales@acme.test:secret', '--max-auth-failures', '1', '--auth-failure-delay', '10ms', '--transcripts']);
    await session(ports(await told.ready).imap!);
    told.child.kill('SIGTERM');
    const { stderr } = await told.exit;
    expect(stderr).toContain('mail-server: IMAP#1 C: a1 LOGIN sales@acme.test ***\n');
    expect(stderr).toContain('mail-server: IMAP#1 S: * BYE Too many failed login attempts (1)\n');
    expect(stderr).not.toContain('wrong-password');
  });

  it('exits with 1 and says so when a port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const taken = (blocker.address() as { port: number }).port;
      const result = await run(['--imap-port', String(taken)]).exit;
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toContain(`mail-server: cannot start: 127.0.0.1:${taken} is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

/** Ports the system just handed out and took back: free now, as far as anyone can know. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  const found = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return found;
}
