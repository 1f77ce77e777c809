/**
 * `npm run bench`: what the harness's building blocks cost, as ratios to a baseline measured in
 * the same run (starting and stopping the mock mail server), so the numbers compare across
 * machines. Each case runs several times; the median counts.
 */
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { MockMailServer } from '../mock-servers/index.ts';
import { MailboxSync, SmtpSender, type SyncTarget } from '../src/mail-sync/index.ts';

const ROUNDS = 7;
const CLOCK = () => new Date('2026-03-02T10:00:00Z');

async function median(run: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A running server with one account, for the duration of `body`. */
async function withServer(body: (server: MockMailServer) => Promise<void>): Promise<void> {
  const server = new MockMailServer({ clock: CLOCK });
  server.addAccount('sales@acme.test', 'secret');
  await server.start();
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

const mail = (i: number) => ({ from: 'jan@client.test', to: 'sales@acme.test', subject: `Message ${i}`, text: `Body ${i}\n`.repeat(20) });
const ignore: SyncTarget = { registerFolders: () => undefined, foldersToSync: () => ['INBOX'], receive: () => undefined };

const cases: Array<[string, () => Promise<void>]> = [
  ['start and stop the mock mail server (baseline)', () => withServer(async () => undefined)],
  ['10 SMTP sends, a new connection each', () => withServer(async (server) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.address.smtpPort, ignoreTLS: true });
    for (let i = 0; i < 10; i++) await transport.sendMail(mail(i));
  })],
  ['10 SMTP sends over one pooled connection', () => withServer(async (server) => {
    const sender = new SmtpSender({ host: '127.0.0.1', port: server.address.smtpPort });
    for (let i = 0; i < 10; i++) await sender.send(mail(i));
    sender.close();
  })],
  ['IMAP sync of 200 new messages (imapflow + mailparser)', () => withServer(async (server) => {
    const account = server.store.requireAccount('sales@acme.test');
    const inbox = account.requireFolderByRole('inbox');
    for (let i = 0; i < 200; i++) server.store.deliver(account, inbox, Buffer.from(`Subject: Message ${i}\r\nFrom: jan@client.test\r\n\r\n${'Body\r\n'.repeat(20)}`));
    await new MailboxSync({ host: '127.0.0.1', port: server.address.imapPort, user: 'sales@acme.test', password: 'secret' }, ignore).syncOnce();
  })],
];

const results: Array<[string, number]> = [];
for (const [name, run] of cases) results.push([name, await median(run)]);
const baseline = results[0]![1];
process.stdout.write(`median of ${ROUNDS} rounds; ratio = time / baseline\n\n`);
for (const [name, ms] of results) process.stdout.write(`${(ms / baseline).toFixed(1).padStart(7)}×  ${ms.toFixed(1).padStart(8)} ms  ${name}\n`);
