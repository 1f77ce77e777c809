import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../faults/index.ts';
import { MockMailServer } from '../mock-mail-server.ts';
import { RawImapClient } from './test-support/raw-imap-client.ts';

/**
 * Whatever faults are scripted and whatever a client pipelines, every tagged command gets
 * exactly one tagged reply, in order, or the connection ends, and then only because a
 * scripted fault dropped it, at the first command left unanswered.
 */
const USER = 'a@acme.test';
let server: MockMailServer;

beforeAll(async () => {
  server = new MockMailServer({ clock: () => new Date('2026-03-02T09:00:00Z'), users: [{ address: USER, password: 'pw' }] });
  await server.start();
});
afterAll(() => server.close());

const commandName = fc.constantFrom('NOOP', 'SELECT', 'FETCH', 'UID', 'STORE', 'SEARCH', 'LIST', 'STATUS', 'CHECK', 'EXAMINE', 'CAPABILITY');
const command = fc.constantFrom(
  'NOOP', 'CAPABILITY', 'SELECT INBOX', 'EXAMINE Sent', 'SELECT Nowhere', 'FETCH 1:* (UID FLAGS)', 'FETCH 1:* (BODY.PEEK[])', 'UID FETCH 2:* (UID BODY.PEEK[HEADER])',
  'STORE 1 +FLAGS (\\Seen)', 'SEARCH ALL', 'UID SEARCH TEXT fetch', 'LIST "" *', 'STATUS INBOX (MESSAGES)', 'CHECK', 'FETCH', 'BOGUS', 'UID BOGUS 1', 'FETCH 1:* (UID) extra)',
);
const fault: fc.Arbitrary<FaultRule> = fc.oneof(
  fc.nat(12).map((commands): FaultRule => ({ kind: 'drop-after-commands', protocol: 'imap', commands })),
  fc.tuple(commandName, fc.constantFrom<'NO' | 'BAD'>('NO', 'BAD'), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined })).map(
    ([name, status, nth]): FaultRule => ({ kind: 'fail-command', command: name, status, ...(nth === undefined ? {} : { nth }) }),
  ),
  fc.tuple(fc.nat(3), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined })).map(
    ([afterResponses, nth]): FaultRule => ({ kind: 'drop-mid-fetch', afterResponses, ...(nth === undefined ? {} : { nth }) }),
  ),
  fc.integer({ min: 0, max: 2 }).map((delayMs): FaultRule => ({ kind: 'slow', protocol: 'imap', delayMs })),
);

describe('IMAP under scripted faults', () => {
  it('property: one tagged reply per command, in order, or a drop by a scripted fault at the first unanswered one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { maxLength: 3 }), fc.array(command, { minLength: 1, maxLength: 12 }), async (faults, commands) => {
        server.reset();
        for (const n of [1, 2, 3]) server.deliver(`Subject: ${n}\r\n\r\n* ${n} FETCH (UID ${n})\r\n`, { to: USER });
        for (const rule of faults) server.faults.add(rule);
        const { client } = await RawImapClient.connect(server.address.imapPort).catch(() => ({ client: undefined }));
        if (!client) return;
        const lines = ['t0 LOGIN a@acme.test pw', ...commands.map((text, i) => `t${i + 1} ${text}`)];
        client.send(lines.map((line) => `${line}\r\n`).join(''));
        const last = `t${commands.length}`;
        const received = await client.waitForTagged(last).then((rest) => ({ rest, closed: false }), async () => ({ rest: await client.waitForClose(), closed: true }));
        client.destroy();
        const tagged = received.rest.filter((line) => /^t\d+ /.test(line)).map((line) => line.slice(0, line.indexOf(' ')));
        const sentTags = lines.map((line) => line.slice(0, line.indexOf(' ')));
        // Each answered tag once, in the order sent: a prefix of the tags.
        expect(tagged).toEqual(sentTags.slice(0, tagged.length));
        if (!received.closed) {
          expect(tagged).toEqual(sentTags);
          return;
        }
        const drops = server.transcripts().flatMap((t) => t.lines).filter((l) => l.direction === 'fault' && /dropped/.test(l.text) && !/will be cut/.test(l.text));
        expect(drops.length, `closed after ${tagged.length} of ${sentTags.length} replies without a scripted drop`).toBe(1);
        // The drop fell on the first unanswered command: the (k)th command, or a FETCH cut short.
        const atCommand = /at command #(\d+)/.exec(drops[0]!.text);
        if (atCommand) expect(tagged.length).toBe(Number(atCommand[1]) - 1);
        else expect(lines[tagged.length]).toMatch(/^t\d+ (UID )?FETCH /);
      }),
      { numRuns: 80 },
    );
  });
});
