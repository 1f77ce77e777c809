/**
 * What the simulation's building blocks cost, each as a multiple of starting and stopping the
 * mock mail server (every case includes one start and stop, so the baseline is the floor):
 * SMTP sends with a connection each against one pooled connection, and the CRM connector's
 * sync of new messages (imapflow + mailparser).
 */
import nodemailer from 'nodemailer';
import { MockMailServer } from '../../mock-servers/index.ts';
import { MailboxSync, SmtpSender, type SyncTarget } from '../../src/mail-sync/index.ts';
import { timed, type Comparison } from './comparison.ts';
import { ownCpuMs } from './cpu-time.ts';
import type { Corpus } from './corpus.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, type Contender, type SamplingPlan } from './sampling.ts';

const CLOCK = () => new Date('2026-03-02T10:00:00Z');
const BASELINE = 'start and stop the mock mail server';
const SENDS = 10;

/** A running server with one account, for the duration of `body`. */
async function withServer(resources: Resources, body: (server: MockMailServer) => Promise<void>): Promise<void> {
  const server = new MockMailServer({ clock: CLOCK });
  server.addAccount('sales@acme.test', 'secret');
  await server.start();
  const stop = resources.add('mock mail server', () => server.stop());
  try {
    await body(server);
  } finally {
    await stop();
  }
}

const mail = (i: number) => ({ from: 'jan@client.test', to: 'sales@acme.test', subject: `Message ${i}`, text: `Body ${i}\n`.repeat(20) });
const ignore: SyncTarget = { registerFolders: () => undefined, foldersToSync: () => ['INBOX'], receive: () => undefined };

export async function compareBuildingBlocks(corpus: Corpus, plan: SamplingPlan, resources: Resources): Promise<Comparison[]> {
  const cases: Contender[] = [
    { name: BASELINE, run: () => withServer(resources, async () => undefined) },
    {
      name: `${SENDS} SMTP sends, a new connection each`,
      run: () => withServer(resources, async (server) => {
        const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.address.smtpPort, ignoreTLS: true });
        try {
          for (let i = 0; i < SENDS; i++) await transport.sendMail(mail(i));
        } finally {
          transport.close();
        }
      }),
    },
    {
      name: `${SENDS} SMTP sends over one pooled connection`,
      run: () => withServer(resources, async (server) => {
        const sender = new SmtpSender({ host: '127.0.0.1', port: server.address.smtpPort });
        try {
          for (let i = 0; i < SENDS; i++) await sender.send(mail(i));
        } finally {
          sender.close();
        }
      }),
    },
    {
      name: `CRM connector sync of ${corpus.messages.length} new messages (imapflow + mailparser)`,
      run: () => withServer(resources, async (server) => {
        const account = server.store.requireAccount('sales@acme.test');
        const inbox = account.requireFolderByRole('inbox');
        for (const message of corpus.messages) server.store.deliver(account, inbox, message.raw, { flags: message.flags, internalDate: message.internalDate });
        const report = await new MailboxSync({ host: '127.0.0.1', port: server.address.imapPort, user: 'sales@acme.test', password: 'secret' }, ignore).syncOnce();
        if (report.fetched !== corpus.messages.length || report.failures.length > 0) {
          throw new Error(`The sync fetched ${report.fetched} of ${corpus.messages.length} messages, ${report.failures.length} failed`);
        }
      }),
    },
  ];
  const samples = await measureInterleaved(cases.map((c) => ({ ...c, cpuMs: ownCpuMs })), plan);
  const baseline = timed(BASELINE, samples.get(BASELINE)!);
  return cases.slice(1).map((c) => ({ section: 'Building blocks', measurement: c.name, ours: timed(c.name, samples.get(c.name)!), baseline, cpuCovers: 'this process' }));
}
