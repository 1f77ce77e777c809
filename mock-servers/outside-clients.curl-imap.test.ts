import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from './mock-mail-server.ts';

/**
 * curl as an IMAP client that changes things: APPEND by upload (`-T`) and any command by
 * `-X`, whose untagged responses curl prints. Each change is checked in the server's store too.
 */
const run = promisify(execFile);
const USER = 'sales@acme.test';
let server: MockMailServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-mail-curl-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

beforeEach(async () => {
  server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z') });
  server.addAccount(USER, 'secret');
  await server.start();
});
afterEach(() => server.stop());

async function curl(path: string, ...args: string[]): Promise<string> {
  const url = `imap://${server.address.host}:${server.address.imapPort}/${path}`;
  try {
    const { stdout } = await run('curl', ['-sS', '--user', `${USER}:secret`, ...args, url], { timeout: 10_000 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('curl is not installed; this test needs it (see README, "Outside mail clients")');
    throw Object.assign(new Error(`curl failed: ${e.stderr || e.message}`), { exitCode: e.code });
  }
}

const lines = (output: string) => output.split(/\r?\n/).filter(Boolean);
const mail = (subject: string) => `From: curl@client.test\r\nTo: ${USER}\r\nSubject: ${subject}\r\n\r\nHello from curl\r\n`;

describe('curl changes the mailbox over IMAP', () => {
  it('APPENDs an uploaded message (-T) to the folder of the URL', async () => {
    const file = join(dir, 'draft.eml');
    await writeFile(file, mail('Draft by curl'));
    await curl('Drafts', '-T', file);
    const [draft] = server.messages(USER, 'Drafts');
    expect(draft).toMatchObject({ uid: 1, subject: 'Draft by curl', from: ['curl@client.test'] });
    expect(draft!.raw.toString()).toBe(mail('Draft by curl'));
    expect(server.messages(USER)).toEqual([]);
  });

  it('runs custom commands (-X): UID SEARCH, UID STORE, CREATE, UID MOVE, STATUS', async () => {
    server.deliver(mail('First offer'), { to: USER });
    server.deliver(mail('Second offer'), { to: USER });
    server.deliver(mail('Unrelated'), { to: USER });

    expect(lines(await curl('INBOX', '-X', 'UID SEARCH SUBJECT offer NOT SUBJECT second'))).toEqual(['* SEARCH 1']);
    expect(lines(await curl('INBOX', '-X', 'UID SEARCH OR SUBJECT first SUBJECT unrelated'))).toEqual(['* SEARCH 1 3']);

    expect(lines(await curl('INBOX', '-X', 'UID STORE 2 +FLAGS (\\Flagged)'))).toEqual([expect.stringMatching(/^\* 2 FETCH \(FLAGS \(.*\\Flagged.*\) UID 2\)$|^\* 2 FETCH \(UID 2 FLAGS \(.*\\Flagged.*\)\)$/)]);
    expect(server.messages(USER)[1]!.flags).toContain('\\Flagged');
    expect(lines(await curl('INBOX', '-X', 'UID SEARCH FLAGGED'))).toEqual(['* SEARCH 2']);

    await curl('', '-X', 'CREATE Offers');
    expect(server.folders(USER).map((f) => f.name)).toContain('Offers');
    const offers = server.folders(USER).find((f) => f.name === 'Offers')!;
    // RFC 6851 §4.3: COPYUID travels in an untagged OK before the expunges.
    expect(lines(await curl('INBOX', '-X', 'UID MOVE 1:2 Offers'))).toEqual([`* OK [COPYUID ${offers.uidValidity} 1:2 1:2] Moved`, '* 1 EXPUNGE', '* 1 EXPUNGE']);
    expect(server.messages(USER, 'Offers').map((m) => [m.uid, m.subject])).toEqual([[1, 'First offer'], [2, 'Second offer']]);
    expect(server.messages(USER).map((m) => m.subject)).toEqual(['Unrelated']);

    expect(lines(await curl('', '-X', 'STATUS Offers (MESSAGES UIDNEXT UNSEEN)'))).toEqual(['* STATUS "Offers" (MESSAGES 2 UIDNEXT 3 UNSEEN 2)']);
  });

  it('marks with STORE and removes with EXPUNGE (-X), each in a session of its own', async () => {
    for (const subject of ['Keep', 'Drop', 'Keep too']) server.deliver(mail(subject), { to: USER });
    await curl('INBOX', '-X', 'STORE 2 +FLAGS.SILENT (\\Deleted)');
    expect(server.messages(USER)[1]!.flags).toContain('\\Deleted');
    expect(lines(await curl('INBOX', '-X', 'EXPUNGE'))).toEqual(['* 2 EXPUNGE']);
    expect(server.messages(USER).map((m) => [m.uid, m.subject])).toEqual([[1, 'Keep'], [3, 'Keep too']]);
    expect(lines(await curl('INBOX', '-X', 'UID SEARCH ALL'))).toEqual(['* SEARCH 1 3']);
  });

  it('reports a refused custom command as a failure (exit code 21, as for any command answered NO)', async () => {
    await expect(curl('', '-X', 'DELETE INBOX')).rejects.toMatchObject({ exitCode: 21 });
    expect(server.folders(USER).map((f) => f.name)).toContain('INBOX');
  });
});
