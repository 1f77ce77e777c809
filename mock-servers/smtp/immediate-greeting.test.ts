import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { MockMailServer } from '../mock-mail-server.ts';
import { plainConnect } from '../tls/test-support/loopback-connect.ts';
import { immediateGreetingShapeProblems } from './immediate-greeting.ts';

/** The first whole line the server sends on a fresh connection, after `before` has run. */
async function firstLine(port: number, before: (socket: import('node:net').Socket) => void = () => undefined): Promise<string> {
  const socket = await plainConnect(port);
  before(socket);
  let received = '';
  while (!received.includes('\r\n')) {
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    received += chunk.toString('latin1');
  }
  socket.destroy();
  return received.slice(0, received.indexOf('\r\n'));
}

let server: MockMailServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe("the greeting without smtp-server's pause", () => {
  it('relies on a shape of smtp-server that the installed version still has', () => {
    const problems = immediateGreetingShapeProblems();
    // When this fails, smtp-server changed how a connection starts: read init() in
    // node_modules/smtp-server/dist/esm/smtp-connection.js and adapt mock-servers/smtp/immediate-greeting.ts.
    expect(problems, `node_modules/smtp-server/dist/esm/smtp-connection.js changed: ${problems.join('; ')}`).toEqual([]);
  });

  it('greets a new connection without waiting on any timer', async () => {
    server = new MockMailServer({ users: [{ address: 'sales@acme.test', password: 'secret' }] });
    const { smtpPort } = await server.start();
    // With setTimeout frozen, smtp-server's own 100 ms pause would never end and no greeting would come.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    expect(await firstLine(smtpPort)).toMatch(/^220 .* Mock SMTP server ready/);
  });

  it('keeps the pause on request, answering a client that talks first with 421 "You talk too soon"', async () => {
    server = new MockMailServer({ smtpGreetingPause: true, users: [{ address: 'sales@acme.test', password: 'secret' }] });
    const { smtpPort } = await server.start();
    // RFC 5321 §4.3.1: the client waits for the 220; one that writes at once is an early talker.
    expect(await firstLine(smtpPort, (socket) => socket.write('EHLO early.test\r\n'))).toMatch(/^421 .*You talk too soon/);
  });

  it("leaves other smtp-server instances in the process with smtp-server's own start", async () => {
    const bare = new SMTPServer({ disableReverseLookup: true, authOptional: true, logger: false });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const port = (bare.server.address() as import('node:net').AddressInfo).port;
    try {
      // Its pause is still there: a command before the greeting is an early talker.
      expect(await firstLine(port, (socket) => socket.write('EHLO early.test\r\n'))).toMatch(/^421 .*You talk too soon/);
    } finally {
      await new Promise<void>((resolve) => bare.close(resolve));
    }
  });
});
