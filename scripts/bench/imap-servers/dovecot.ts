/**
 * Dovecot, the most used IMAP server, as the production baseline, when it is installed. It runs
 * unprivileged in a temporary folder (configuration, passwd-file, maildir holding the corpus) on
 * a loopback port, and is stopped and the folder deleted with the run's other resources, or at
 * process exit if the run dies first.
 */
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import { constants, rmSync } from 'node:fs';
import { access, chown, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Corpus } from '../corpus.ts';
import { freeLoopbackPort } from '../free-port.ts';
import type { Resources } from '../resources.ts';
import { dovecotConfig, dovecotLayout, maildirFlags, passwdLine } from './dovecot-config.ts';
import { BENCH_PASSWORD, BENCH_USER, type ImapTarget } from './imap-target.ts';
import { unprivilegedIdentity } from './unprivileged-user.ts';

export const DOVECOT_MISSING = 'not installed (apt-get install dovecot-imapd)';

/** Startup is a fraction of a second; this only stops a broken installation from hanging the run. */
const STARTUP_GUARD_MS = 15_000;

export interface DovecotInstallation {
  readonly binary: string;
  readonly version: string;
}

/** PATH, then the sbin folders, where Dovecot is installed but which a normal user's PATH lacks. */
function searchFolders(): string[] {
  return [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'].filter(Boolean);
}

/** The first `dovecot` binary in `folders`, with its version, or undefined. */
export async function findDovecot(folders: readonly string[] = searchFolders()): Promise<DovecotInstallation | undefined> {
  for (const folder of folders) {
    const binary = path.join(folder, 'dovecot');
    try {
      await access(binary, constants.X_OK);
    } catch {
      continue;
    }
    // A binary that cannot say its version is still worth a try; start-up will tell.
    const version = await promisify(execFile)(binary, ['--version']).then(
      ({ stdout }) => stdout.trim().split(' ')[0] || 'unknown',
      () => 'unknown',
    );
    return { binary, version };
  }
  return undefined;
}

async function writeMaildir(maildir: string, corpus: Corpus, resources: Resources): Promise<void> {
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(path.join(maildir, sub), { recursive: true });
  let index = 0;
  for (const message of corpus.messages) {
    // An interrupted run deletes the folder; writing on would race with that.
    resources.throwIfReleasing();
    // Maildir++ name with S=<size>, so Dovecot need not stat for RFC822.SIZE; ":2,<flags>" in cur/.
    const seconds = Math.floor(message.internalDate.getTime() / 1000);
    const file = path.join(maildir, 'cur', `${seconds}.M${index++}P${process.pid}.bench,S=${message.raw.length}:2,${maildirFlags(message.flags)}`);
    await writeFile(file, message.raw);
    // A maildir message's INTERNALDATE is its file's modification time.
    await utimes(file, message.internalDate, message.internalDate);
  }
}

async function chownTree(root: string, uid: number, gid: number): Promise<void> {
  await chown(root, uid, gid);
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    await chown(path.join(entry.parentPath, entry.name), uid, gid);
  }
}

export async function startDovecot(installation: DovecotInstallation, corpus: Corpus, resources: Resources): Promise<ImapTarget> {
  const identity = unprivilegedIdentity();
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-dovecot-'));
  const forgetFolder = resources.addLastResort(`rm ${root}`, () => rmSync(root, { recursive: true, force: true }));
  resources.add('Dovecot folder', async () => {
    await rm(root, { recursive: true, force: true });
    forgetFolder();
  });

  const layout = dovecotLayout(root);
  const port = await freeLoopbackPort();
  await mkdir(path.join(layout.baseDir, 'state'), { recursive: true });
  await writeFile(layout.configFile, dovecotConfig({ root, port, user: identity.user, group: identity.group }));
  await writeFile(layout.passwdFile, passwdLine(BENCH_USER, BENCH_PASSWORD));
  await writeMaildir(layout.maildir, corpus, resources);
  if (identity.switchUser) await chownTree(root, identity.uid, identity.gid);

  const child = spawn(installation.binary, ['-F', '-c', layout.configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(identity.switchUser ? { uid: identity.uid, gid: identity.gid } : {}),
  });
  const exited = once(child, 'exit');
  // SIGTERM, not SIGKILL: the master then stops its own children (imap, auth, log) on its way out.
  const forgetProcess = resources.addLastResort(`kill dovecot ${child.pid}`, () => child.kill('SIGTERM'));
  resources.add('Dovecot', async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    forgetProcess();
  });

  await waitUntilStarted(child, exited);
  return { name: `Dovecot ${installation.version}`, host: '127.0.0.1', port, user: BENCH_USER, password: BENCH_PASSWORD, pid: child.pid };
}

/**
 * Resolves when the master logs "starting up", which it does after binding its listeners; fails
 * with Dovecot's own words if it exits first.
 */
function waitUntilStarted(child: ReturnType<typeof spawn>, exited: Promise<unknown>): Promise<void> {
  let log = '';
  return new Promise<void>((resolve, reject) => {
    const guard = setTimeout(() => finish(new Error(`Dovecot did not start within ${STARTUP_GUARD_MS} ms:\n${log}`)), STARTUP_GUARD_MS);
    const onData = (chunk: Buffer) => {
      // Keep only the end of the log for an error message; a long run would otherwise grow it.
      log = (log + chunk.toString('utf8')).slice(-4000);
      if (/starting up/.test(log)) finish();
    };
    const finish = (error?: Error) => {
      clearTimeout(guard);
      child.stderr?.off('data', onData);
      // Keep draining, or a full pipe would block Dovecot's log process.
      child.stderr?.resume();
      if (error) reject(error);
      else resolve();
    };
    child.stderr?.on('data', onData);
    void exited.then(() => finish(new Error(`Dovecot exited during start-up:\n${log.trim()}`)));
  });
}
