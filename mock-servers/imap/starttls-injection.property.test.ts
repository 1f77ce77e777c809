import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { resolveTls } from '../tls/index.ts';
import { ImapServer } from './imap-server.ts';
import { TlsImapClient } from './test-support/tls-imap-client.ts';
import type { TranscriptEntry } from './transcript.ts';

/**
 * Whatever a client (or an attacker on the path) sends behind STARTTLS in the same packet is
 * never run: the only plaintext answer is the OK, and inside TLS the session starts fresh,
 * not authenticated (RFC 2595 §3.1; CVE-2011-0411).
 */
let server: ImapServer;
let port: number;
const transcript: TranscriptEntry[] = [];

beforeAll(async () => {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  store.createAccount({ address: 'sales@acme.test', password: 'secret' });
  server = new ImapServer({ store, tls: resolveTls(true), onLine: (entry) => transcript.push(entry) });
  port = (await server.listen()).port;
});
afterAll(() => server.close());

const injectedLine = fc.oneof(
  fc.constant('x LOGIN sales@acme.test secret'),
  fc.constant(`x AUTHENTICATE PLAIN ${Buffer.from('\0sales@acme.test\0secret').toString('base64')}`),
  fc.constant('x SELECT INBOX'),
  fc.constant('x LOGIN {15}'),
  fc.constant('x LOGIN {15+}\r\nsales@acme.test secret'),
  fc.constant('x STARTTLS'),
  fc.constant('x CAPABILITY'),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((text) => text.replace(/\r|\n/g, ' ')),
);

describe('STARTTLS command injection', () => {
  it('runs nothing that was pipelined behind STARTTLS in plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(injectedLine, { minLength: 1, maxLength: 5 }), fc.boolean(), async (lines, endWithNewline) => {
        const { client } = await TlsImapClient.open(port);
        try {
          const injected = lines.join('\r\n') + (endWithNewline ? '\r\n' : '');
          expect(await client.raw(`a STARTTLS\r\n${injected}`, 'a')).toEqual(['a OK Begin TLS negotiation now']);
          const before = transcript.length;
          await client.upgrade();
          expect(await client.command('z SELECT INBOX')).toEqual(['z BAD SELECT is only allowed after LOGIN or AUTHENTICATE']);
          const lateLines = transcript.slice(before).filter((entry) => entry.direction === 'client').map((entry) => entry.line);
          expect(lateLines).toEqual(['z SELECT INBOX']);
        } finally {
          client.close();
        }
      }),
      { numRuns: 40, seed: 20260302 },
    );
  });
});
