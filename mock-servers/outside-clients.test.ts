import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from './mock-mail-server.ts';
import { runTool } from './test-clients/run-tool.ts';

/**
 * The mock server must work with mail clients that are not ours. These tests drive it with
 * Python's smtplib and imaplib and with curl, both on the machine CI runs on (see README).
 */
let server: MockMailServer;

beforeEach(async () => {
  server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z') });
  server.addAccount('sales@acme.test', 'secret');
  await server.start();
});
afterEach(() => server.stop());


describe('outside mail clients', () => {
  it('Python smtplib sends and imaplib lists, selects, searches and fetches', async () => {
    const { host, smtpPort, imapPort } = server.address;
    const out = await runTool('python3', [join(import.meta.dirname, 'test-clients', 'python-mail-client.py'), host, String(smtpPort), String(imapPort), 'sales@acme.test', 'secret']);
    const seen = JSON.parse(out) as { folders: string[]; exists: number; uid: number; meta: string; subject: string; body: string };
    expect(seen.folders).toEqual([
      '(\\HasNoChildren) "/" "INBOX"',
      '(\\HasNoChildren \\Sent) "/" "Sent"',
      '(\\HasNoChildren \\Junk) "/" "Spam"',
      '(\\HasNoChildren \\Trash) "/" "Trash"',
      '(\\HasNoChildren \\Drafts) "/" "Drafts"',
    ]);
    expect(seen).toMatchObject({ exists: 1, uid: 1, subject: 'Zapytanie o ofertę', body: 'Dzień dobry,\nproszę o ofertę.' });
    expect(seen.meta).toMatch(/^1 \(UID 1 FLAGS \(\\Recent\) INTERNALDATE "02-Mar-2026 10:00:00 \+0000" RFC822\.SIZE \d+ BODY\[\] \{\d+\}$/);
  });

  it('curl sends over SMTP and reads the message back over IMAP', async () => {
    const { host, smtpPort, imapPort } = server.address;
    const mail = 'From: curl@client.test\r\nTo: sales@acme.test\r\nSubject: Sent by curl\r\n\r\nHello from curl\r\n';
    const dir = await mkdtemp(join(tmpdir(), 'mock-mail-'));
    try {
      const file = join(dir, 'mail.eml');
      await writeFile(file, mail);
      await runTool('curl', ['-sS', `smtp://${host}:${smtpPort}`, '--mail-from', 'curl@client.test', '--mail-rcpt', 'sales@acme.test', '--upload-file', file]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const body = await runTool('curl', ['-sS', '--user', 'sales@acme.test:secret', `imap://${host}:${imapPort}/INBOX;UID=1`]);
    expect(body).toContain('Subject: Sent by curl');
    expect(body).toContain('Hello from curl');
    const search = await runTool('curl', ['-sS', '--user', 'sales@acme.test:secret', `imap://${host}:${imapPort}/INBOX?SUBJECT%20curl`]);
    expect(search.trim()).toBe('* SEARCH 1');
  });
});
