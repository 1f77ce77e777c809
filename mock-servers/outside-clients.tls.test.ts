import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer } from './mock-mail-server.ts';
import { TEST_CERTIFICATE_FILE } from './tls/index.ts';
import { runTool } from './test-clients/run-tool.ts';

/**
 * Outside clients over TLS: Python's smtplib/imaplib and curl, each trusting the server through
 * the shipped certificate (`cafile`, `--cacert`) with verification on, as a user's would.
 */
let server: MockMailServer;
let dir: string;
let mailFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-mail-tls-'));
  mailFile = join(dir, 'mail.eml');
  await writeFile(mailFile, 'From: curl@client.test\r\nTo: sales@acme.test\r\nSubject: Sent by curl over TLS\r\n\r\nHello over TLS\r\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

beforeEach(async () => {
  server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z'), tls: true, requireTls: true, submission: true });
  server.addAccount('sales@acme.test', 'secret');
  await server.start();
});
afterEach(() => server.stop());


const python = (smtpPort: number, imapPort: number, mode: 'starttls' | 'implicit') =>
  runTool('python3', [join(import.meta.dirname, 'test-clients', 'python-mail-client.py'), '127.0.0.1', String(smtpPort), String(imapPort), 'sales@acme.test', 'secret', '--tls', mode, '--cafile', TEST_CERTIFICATE_FILE]);

interface PythonSaw { subject: string; body: string; smtp_tls: string; imap_tls: string; imap_capabilities_after_tls: string[]; received: string }

describe('Python smtplib and imaplib over TLS', () => {
  it('upgrade both protocols with STARTTLS, log in, send and read back', async () => {
    const { submissionPort, imapPort } = server.address;
    const seen = JSON.parse(await python(submissionPort!, imapPort, 'starttls')) as PythonSaw;
    expect(seen).toMatchObject({ subject: 'Zapytanie o ofertę', body: 'Dzień dobry,\nproszę o ofertę.', smtp_tls: 'TLSv1.3', imap_tls: 'TLSv1.3' });
    expect(seen.imap_capabilities_after_tls).toContain('AUTH=PLAIN');
    expect(seen.imap_capabilities_after_tls).not.toContain('STARTTLS');
    expect(seen.imap_capabilities_after_tls).not.toContain('LOGINDISABLED');
    expect(seen.received).toMatch(/ with ESMTPSA id 1;/);
  });

  it('use implicit TLS on the SMTPS and IMAPS ports', async () => {
    const { smtpsPort, imapsPort } = server.address;
    const seen = JSON.parse(await python(smtpsPort!, imapsPort!, 'implicit')) as PythonSaw;
    expect(seen).toMatchObject({ subject: 'Zapytanie o ofertę', smtp_tls: 'TLSv1.3', imap_tls: 'TLSv1.3' });
    expect(seen.received).toMatch(/ with ESMTPSA id 1;/);
  });
});

describe('curl over TLS', () => {
  const cacert = () => ['--cacert', TEST_CERTIFICATE_FILE];
  const send = (url: string, extra: string[] = []) =>
    runTool('curl', ['-sS', ...cacert(), ...extra, url, '--mail-from', 'curl@client.test', '--mail-rcpt', 'sales@acme.test', '--upload-file', mailFile]);
  const inbox = () => server.store.requireAccount('sales@acme.test').requireFolderByRole('inbox').messages;

  it('sends over smtp:// with STARTTLS required (--ssl-reqd)', async () => {
    await send(`smtp://127.0.0.1:${server.address.smtpPort}`, ['--ssl-reqd']);
    expect(inbox()[0]!.raw.toString()).toMatch(/ with ESMTPS id 1;[\s\S]*Subject: Sent by curl over TLS/);
  });

  it('sends over smtps:// with AUTH', async () => {
    await send(`smtps://127.0.0.1:${server.address.smtpsPort}`, ['--user', 'sales@acme.test:secret']);
    expect(inbox()[0]!.raw.toString()).toMatch(/ with ESMTPSA id 1;/);
  });

  it('reads over imaps:// and over imap:// with STARTTLS (--ssl-reqd), where plaintext login is disabled', async () => {
    await send(`smtp://127.0.0.1:${server.address.smtpPort}`);
    const user = ['--user', 'sales@acme.test:secret'];
    const overImaps = await runTool('curl', ['-sS', ...cacert(), ...user, `imaps://127.0.0.1:${server.address.imapsPort}/INBOX;UID=1`]);
    expect(overImaps).toContain('Hello over TLS');
    const overStartTls = await runTool('curl', ['-sS', '--ssl-reqd', ...cacert(), ...user, `imap://127.0.0.1:${server.address.imapPort}/INBOX;UID=1`]);
    expect(overStartTls).toContain('Subject: Sent by curl over TLS');
  });

  it('refuses the server when not told to trust its certificate (exit code 60)', async () => {
    await expect(runTool('curl', ['-sS', '--user', 'sales@acme.test:secret', `imaps://127.0.0.1:${server.address.imapsPort}/INBOX`]))
      .rejects.toMatchObject({ exitCode: 60 });
  });

  it('cannot log in over plain imap:// when the server requires TLS (LOGINDISABLED: exit code 67, login denied)', async () => {
    await expect(runTool('curl', ['-sS', '--user', 'sales@acme.test:secret', `imap://127.0.0.1:${server.address.imapPort}/INBOX`]))
      .rejects.toMatchObject({ exitCode: 67 });
  });
});
