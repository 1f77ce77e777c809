import { createServer } from 'node:net';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { MockMailServer } from './mock-mail-server.ts';
import { testCertificate } from './tls/index.ts';

/** The facade's options for listeners and TLS, and what addresses() reports. */
let server: MockMailServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('MockMailServer listeners', () => {
  it('opens SMTP and IMAP without TLS by default', async () => {
    server = new MockMailServer();
    const endpoints = await server.start();
    expect(server.addresses()).toEqual([
      { name: 'smtp', protocol: 'smtp', host: '127.0.0.1', port: endpoints.smtpPort, tls: 'none', authRequired: false },
      { name: 'imap', protocol: 'imap', host: '127.0.0.1', port: endpoints.imapPort, tls: 'none', authRequired: true },
    ]);
    expect(server.certificate).toBeUndefined();
  });

  it('with tls: true offers STARTTLS and opens the implicit-TLS listeners, each on its own free port', async () => {
    server = new MockMailServer({ tls: true, submission: true });
    const endpoints = await server.start();
    const listeners = server.addresses();
    expect(listeners.map((l) => [l.name, l.tls, l.authRequired])).toEqual([
      ['smtp', 'starttls', false],
      ['submission', 'starttls', true],
      ['smtps', 'implicit', true],
      ['imap', 'starttls', true],
      ['imaps', 'implicit', true],
    ]);
    expect(new Set(listeners.map((l) => l.port)).size).toBe(5);
    expect(endpoints).toMatchObject({ submissionPort: listeners[1]!.port, smtpsPort: listeners[2]!.port, imapsPort: listeners[4]!.port });
    expect(server.certificate).toEqual(testCertificate());
  });

  it('leaves an implicit-TLS listener closed when its port is false', async () => {
    server = new MockMailServer({ tls: true, smtpsPort: false, imapsPort: false });
    await server.start();
    expect(server.addresses().map((l) => l.name)).toEqual(['smtp', 'imap']);
  });

  it('takes a key and certificate given as PEM or as file paths', async () => {
    const { TEST_CERTIFICATE_FILE, TEST_KEY_FILE } = await import('./tls/index.ts');
    const { readFileSync } = await import('node:fs');
    expect(new MockMailServer({ tls: { keyFile: TEST_KEY_FILE, certFile: TEST_CERTIFICATE_FILE } }).certificate).toEqual(testCertificate());
    expect(new MockMailServer({ tls: { key: readFileSync(TEST_KEY_FILE, 'utf8'), cert: readFileSync(TEST_CERTIFICATE_FILE) } }).certificate).toEqual(testCertificate());
    expect(() => new MockMailServer({ tls: { keyFile: '/nonexistent/key.pem', certFile: TEST_CERTIFICATE_FILE } })).toThrow(/Cannot read the TLS key file \/nonexistent\/key\.pem \(ENOENT\)/);
    expect(() => new MockMailServer({ tls: { key: 'not a key', cert: testCertificate() } })).toThrow(/is not a PEM private key/);
  });

  it('refuses TLS-only options without tls', () => {
    expect(() => new MockMailServer({ requireTls: true })).toThrow(/need the tls option/);
    expect(() => new MockMailServer({ imapsPort: 0 })).toThrow(/need the tls option/);
  });

  it('closes what it opened when one port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const failing = new MockMailServer({ imapPort: taken });
      await expect(failing.start()).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(failing.smtp.addresses()).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('carries a message from SMTPS to IMAPS, both verified against the certificate', async () => {
    server = new MockMailServer({ tls: true, requireTls: true, clock: () => new Date('2026-03-02T10:00:00Z') });
    server.addAccount('sales@acme.test', 'secret');
    const { host, smtpsPort, imapsPort } = await server.start();
    const auth = { user: 'sales@acme.test', pass: 'secret' };
    const ca = server.certificate!;
    await nodemailer.createTransport({ host, port: smtpsPort, secure: true, auth, tls: { ca } })
      .sendMail({ from: 'sales@acme.test', to: 'sales@acme.test', subject: 'Round trip', text: 'x' });
    const imap = new ImapFlow({ host, port: imapsPort!, secure: true, auth, tls: { ca }, logger: false });
    await imap.connect();
    const status = await imap.status('INBOX', { messages: true });
    await imap.logout();
    expect(status && status.messages).toBe(1);
  });
});
