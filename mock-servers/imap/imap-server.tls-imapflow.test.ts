import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { resolveTls, testCertificate } from '../tls/index.ts';
import { ImapServer } from './imap-server.ts';

/**
 * imapflow, the client the CRM's connector uses, over STARTTLS and over implicit TLS, trusting
 * the server through the shipped certificate as its CA.
 */
const TLS = resolveTls(true);
let store: MailStore;
let plain: ImapServer;
let implicit: ImapServer;

beforeEach(async () => {
  store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  const account = store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  store.deliver(account, account.requireFolderByRole('inbox'), Buffer.from('Subject: over TLS\r\n\r\nhello\r\n'));
  let id = 0;
  const nextConnectionId = () => ++id;
  plain = new ImapServer({ store, tls: TLS, requireTls: true, nextConnectionId });
  implicit = new ImapServer({ store, tls: TLS, implicitTls: true, nextConnectionId });
  await Promise.all([plain.listen(), implicit.listen()]);
});
afterEach(() => Promise.all([plain.close(), implicit.close()]));

function client(options: Partial<ImapFlowOptions>): ImapFlow {
  return new ImapFlow({ host: '127.0.0.1', auth: { user: 'sales@acme.test', pass: 'secret' }, logger: false, port: 0, ...options });
}

async function subjectOfFirstMessage(flow: ImapFlow): Promise<string | undefined> {
  await flow.connect();
  try {
    const lock = await flow.getMailboxLock('INBOX');
    try {
      const message = await flow.fetchOne('1', { envelope: true });
      return message ? message.envelope?.subject : undefined;
    } finally {
      lock.release();
    }
  } finally {
    await flow.logout();
  }
}

describe('imapflow over TLS', () => {
  it('upgrades with STARTTLS on a server that requires TLS, then logs in and fetches', async () => {
    const flow = client({ port: plain.port, secure: false, doSTARTTLS: true, tls: { ca: testCertificate() } });
    expect(await subjectOfFirstMessage(flow)).toBe('over TLS');
    expect(flow.secureConnection).toBe(true);
  });

  it('connects with implicit TLS', async () => {
    const flow = client({ port: implicit.port, secure: true, tls: { ca: testCertificate() } });
    expect(await subjectOfFirstMessage(flow)).toBe('over TLS');
  });

  it('will not log in in plaintext when the server says LOGINDISABLED', async () => {
    const flow = client({ port: plain.port, secure: false, doSTARTTLS: false });
    flow.on('error', () => undefined);
    await expect(flow.connect()).rejects.toThrow('Login is disabled');
    expect(flow.authenticated).toBeFalsy();
  });

  it('refuses a server whose certificate it was not told to trust', async () => {
    const flow = client({ port: implicit.port, secure: true });
    flow.on('error', () => undefined);
    await expect(flow.connect()).rejects.toThrow(/self.signed|certificate/i);
  });
});
