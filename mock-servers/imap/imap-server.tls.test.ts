import { afterEach, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { resolveTls } from '../tls/index.ts';
import { ImapServer, type ImapServerOptions } from './imap-server.ts';
import { TlsImapClient } from './test-support/tls-imap-client.ts';
import type { TranscriptEntry } from './transcript.ts';

/** STARTTLS (RFC 3501 §6.2.1), LOGINDISABLED (§6.2.3) and implicit TLS (RFC 8314), line by line. */
const TLS = resolveTls(true);
let server: ImapServer | undefined;
const clients: TlsImapClient[] = [];
let transcript: TranscriptEntry[] = [];

async function start(options: Partial<ImapServerOptions> = {}): Promise<number> {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  transcript = [];
  server = new ImapServer({ store, onLine: (entry) => transcript.push(entry), ...options });
  return (await server.listen()).port;
}

async function open(port: number, implicitTls = false): Promise<{ client: TlsImapClient; greeting: string }> {
  const opened = await TlsImapClient.open(port, { implicitTls });
  clients.push(opened.client);
  return opened;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

const capabilities = (line: string | undefined) => (/CAPABILITY ([^\]]*)/.exec(line ?? '')?.[1] ?? '').split(' ');
const plainResponse = Buffer.from('\0sales@acme.test\0secret').toString('base64');

describe('without a certificate', () => {
  it('offers no STARTTLS and answers it BAD', async () => {
    const { client, greeting } = await open(await start());
    expect(capabilities(greeting)).not.toContain('STARTTLS');
    expect(await client.command('a STARTTLS')).toEqual(['a BAD STARTTLS is not available: the server has no TLS certificate']);
  });

  it('refuses requireTls or implicitTls at construction', () => {
    const store = new MailStore();
    expect(() => new ImapServer({ store, requireTls: true })).toThrow(/need a TLS key and certificate/);
    expect(() => new ImapServer({ store, implicitTls: true })).toThrow(/need a TLS key and certificate/);
  });
});

describe('STARTTLS', () => {
  it('is advertised, answered OK, and gone from the capabilities once TLS is up', async () => {
    const { client, greeting } = await open(await start({ tls: TLS }));
    expect(capabilities(greeting)).toEqual(expect.arrayContaining(['IMAP4rev1', 'STARTTLS', 'AUTH=PLAIN']));
    expect(capabilities(greeting)).not.toContain('LOGINDISABLED');
    expect(await client.command('a STARTTLS')).toEqual(['a OK Begin TLS negotiation now']);
    await client.upgrade();
    expect(client.encrypted).toBe(true);
    const [untagged, tagged] = await client.command('b CAPABILITY');
    expect(capabilities(untagged)).not.toContain('STARTTLS');
    expect(capabilities(untagged)).toContain('AUTH=PLAIN');
    expect(tagged).toBe('b OK Capability completed');
    expect(await client.command('c STARTTLS')).toEqual(['c BAD TLS is already active']);
    expect(await client.command('d LOGIN sales@acme.test secret')).toEqual([expect.stringMatching(/^d OK \[CAPABILITY IMAP4rev1 [^\]]*\] Logged in$/)]);
  });

  it('takes no arguments and is only valid before login', async () => {
    const { client } = await open(await start({ tls: TLS }));
    expect(await client.command('a STARTTLS now')).toEqual([expect.stringMatching(/^a BAD Invalid arguments for STARTTLS/)]);
    await client.command('b LOGIN sales@acme.test secret');
    expect(await client.command('c STARTTLS')).toEqual(['c BAD Already authenticated']);
  });

  it('discards commands pipelined in plaintext behind STARTTLS (CVE-2011-0411)', async () => {
    const { client } = await open(await start({ tls: TLS }));
    // An attacker on the path appends a LOGIN to the client's STARTTLS, in the same packet.
    expect(await client.raw('a STARTTLS\r\nx LOGIN sales@acme.test secret\r\n', 'a')).toEqual(['a OK Begin TLS negotiation now']);
    await client.upgrade();
    expect(await client.command('b SELECT INBOX')).toEqual(['b BAD SELECT is only allowed after LOGIN or AUTHENTICATE']);
    expect(transcript.map((entry) => entry.line)).not.toContain('x LOGIN sales@acme.test [redacted]');
    expect(transcript.some((entry) => entry.line.startsWith('x '))).toBe(false);
  });

  it('drops a client that sends plaintext instead of a handshake, and keeps serving', async () => {
    const port = await start({ tls: TLS });
    const { client } = await open(port);
    await client.command('a STARTTLS');
    client.raw('b LOGIN sales@acme.test secret\r\n', 'b').catch(() => undefined);
    await client.waitForClose();
    const { greeting } = await open(port);
    expect(greeting).toMatch(/^\* OK /);
  });
});

describe('requireTls (LOGINDISABLED)', () => {
  it('advertises STARTTLS and LOGINDISABLED without any plaintext mechanism', async () => {
    const { greeting } = await open(await start({ tls: TLS, requireTls: true }));
    expect(capabilities(greeting)).toEqual(expect.arrayContaining(['STARTTLS', 'LOGINDISABLED']));
    expect(capabilities(greeting)).not.toContain('AUTH=PLAIN');
  });

  it('refuses LOGIN and AUTHENTICATE before TLS with NO [PRIVACYREQUIRED]', async () => {
    const { client } = await open(await start({ tls: TLS, requireTls: true }));
    expect(await client.command('a LOGIN sales@acme.test secret')).toEqual(['a NO [PRIVACYREQUIRED] Plaintext login is disabled until STARTTLS']);
    expect(await client.command(`b AUTHENTICATE PLAIN ${plainResponse}`)).toEqual(['b NO [PRIVACYREQUIRED] Plaintext login is disabled until STARTTLS']);
    // No continuation: the client is not invited to send the secret at all.
    expect(await client.command('c AUTHENTICATE PLAIN')).toEqual(['c NO [PRIVACYREQUIRED] Plaintext login is disabled until STARTTLS']);
    expect(transcript.map((entry) => entry.line).join('\n')).not.toContain('secret');
  });

  it('refuses LOGIN with a synchronising literal before inviting the literal', async () => {
    const { client } = await open(await start({ tls: TLS, requireTls: true }));
    expect(await client.command('a LOGIN sales@acme.test {6}')).toEqual(['a NO [PRIVACYREQUIRED] Plaintext login is disabled until STARTTLS']);
    expect(await client.command('b NOOP')).toEqual(['b OK NOOP completed']);
  });

  it('lets the same session log in after STARTTLS, where the capabilities list neither STARTTLS nor LOGINDISABLED', async () => {
    const { client } = await open(await start({ tls: TLS, requireTls: true }));
    await client.command('a STARTTLS');
    await client.upgrade();
    const [untagged] = await client.command('b CAPABILITY');
    expect(capabilities(untagged)).toContain('AUTH=PLAIN');
    expect(capabilities(untagged)).not.toEqual(expect.arrayContaining(['STARTTLS']));
    expect(capabilities(untagged)).not.toEqual(expect.arrayContaining(['LOGINDISABLED']));
    const [login] = await client.command(`c AUTHENTICATE PLAIN ${plainResponse}`);
    expect(login).toMatch(/^c OK \[CAPABILITY [^\]]*\] Logged in$/);
    expect(capabilities(login)).not.toContain('LOGINDISABLED');
  });
});

describe('implicit TLS', () => {
  it('greets over TLS with neither STARTTLS nor LOGINDISABLED, and lets the client log in', async () => {
    const port = await start({ tls: TLS, requireTls: true, implicitTls: true });
    const { client, greeting } = await open(port, true);
    expect(client.encrypted).toBe(true);
    expect(capabilities(greeting)).not.toContain('STARTTLS');
    expect(capabilities(greeting)).not.toContain('LOGINDISABLED');
    expect(await client.command('a STARTTLS')).toEqual(['a BAD TLS is already active']);
    expect(await client.command('b LOGIN sales@acme.test secret')).toEqual([expect.stringMatching(/^b OK /)]);
  });

  it('survives a plaintext client on the TLS port', async () => {
    const port = await start({ tls: TLS, implicitTls: true });
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('a CAPABILITY\r\n'));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    const { greeting } = await open(port, true);
    expect(greeting).toMatch(/^\* OK /);
  });
});
