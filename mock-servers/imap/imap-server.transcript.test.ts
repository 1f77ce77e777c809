import { afterEach, beforeEach, expect, it } from 'vitest';
import { MockMailServer } from '../mock-mail-server.ts';
import { RawImapClient } from './test-support/raw-imap-client.ts';

/** What the traffic log keeps of a large FETCH and a large APPEND (transcript-lines.ts). */
let server: MockMailServer;
beforeEach(async () => {
  server = new MockMailServer({ users: [{ address: 'sales@acme.test', password: 'secret' }] });
  await server.start();
});
afterEach(() => server.stop());

const big = `From: alice@client.test\r\nSubject: Big\r\n\r\n${'0123456789abcdef\r\n'.repeat(3000)}`;
const imapLines = () => server.transcripts().filter((t) => t.protocol === 'imap').flatMap((t) => t.lines.map((l) => `${l.direction} ${l.text}`));

it('logs a body over 1 KiB as its size and first line, both ways, while the client gets every octet', async () => {
  const size = Buffer.byteLength(big);
  const { client } = await RawImapClient.connect(server.address.imapPort);
  await client.command('a1 LOGIN sales@acme.test secret');
  expect((await client.command(`a2 APPEND INBOX {${size}+}\r\n${big}`)).at(-1)).toMatch(/^a2 OK/);
  await client.command('a3 SELECT INBOX');
  const fetched = await client.command('a4 FETCH 1 (BODY.PEEK[])');
  expect(fetched[0]).toBe(`* 1 FETCH (BODY[] {${size}}\r\n${big})`);
  await client.logout();

  const lines = imapLines();
  expect(lines).toContain(`client a2 APPEND INBOX {${size}+}`);
  expect(lines).toContain(`server * 1 FETCH (BODY[] {${size}}`);
  expect(lines.filter((line) => line === `client {${size} bytes} From: alice@client.test`)).toHaveLength(1);
  expect(lines.filter((line) => line === `server {${size} bytes} From: alice@client.test`)).toHaveLength(1);
  expect(lines.some((line) => line.includes('0123456789abcdef'))).toBe(false);
  expect(lines).toContain('server a4 OK FETCH completed');
});
