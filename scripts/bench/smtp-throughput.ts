/**
 * SMTP throughput: the corpus sent through one pooled nodemailer connection into the mock
 * server's store, against the same client code sending to a bare smtp-server that only drains
 * DATA. Connection set-up (smtp-server greets after a 100 ms early-talker check) is outside the
 * timing: each round opens the pool with one untimed message first.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { MockMailServer } from '../../mock-servers/index.ts';
import { startBareSmtpServer } from './bare-smtp-server.ts';
import { timed, type Comparison } from './comparison.ts';
import { ownCpuMs } from './cpu-time.ts';
import type { CorpusMessage } from './corpus.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, type Contender, type SamplingPlan } from './sampling.ts';

const RECIPIENT = 'sales@acme.test';
const SENDER = 'jan@client.test';

interface Target {
  readonly port: number;
  /** Messages the server has taken in so far. */
  readonly received: () => number;
  close(): Promise<void>;
}

async function startOurs(): Promise<Target> {
  const server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z') });
  server.addAccount(RECIPIENT, 'secret');
  await server.start();
  const inbox = server.store.requireAccount(RECIPIENT).requireFolderByRole('inbox');
  return { port: server.address.smtpPort, received: () => inbox.messages.length, close: () => server.stop() };
}

function pooledTransport(port: number): Transporter {
  // maxMessages: the pool would otherwise reconnect after 100 messages and time a handshake.
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });
}

function send(transport: Transporter, message: CorpusMessage): Promise<unknown> {
  return transport.sendMail({ envelope: { from: SENDER, to: [RECIPIENT] }, raw: message.raw });
}

function contender(name: string, start: () => Promise<Target>, messages: readonly CorpusMessage[], resources: Resources): Contender {
  let target: Target | undefined;
  let transport: Transporter | undefined;
  let release: (() => Promise<void>) | undefined;
  return {
    name,
    cpuMs: ownCpuMs,
    async prepare() {
      target = await start();
      const opened = target;
      const releaseServer = resources.add(`${name} SMTP server`, () => opened.close());
      transport = pooledTransport(target.port);
      const pool = transport;
      const releaseTransport = resources.add(`${name} SMTP client`, () => pool.close());
      release = async () => {
        await releaseTransport();
        await releaseServer();
      };
      await send(transport, messages[0]!);
    },
    async run() {
      const pool = transport!;
      await Promise.all(messages.map((message) => send(pool, message)));
    },
    async finish() {
      const received = target?.received();
      await release?.();
      if (received !== messages.length + 1) throw new Error(`${name} took in ${received} of ${messages.length + 1} messages`);
    },
  };
}

export async function compareSmtpThroughput(messages: readonly CorpusMessage[], plan: SamplingPlan, resources: Resources): Promise<Comparison> {
  if (messages.length === 0) throw new Error('The SMTP benchmark needs at least one message');
  const ours = contender('mock mail server', startOurs, messages, resources);
  const bare = contender('bare smtp-server', startBareSmtpServer, messages, resources);
  const samples = await measureInterleaved([ours, bare], plan);
  const kib = Math.round(messages.reduce((sum, m) => sum + m.raw.length, 0) / messages.length / 1024);
  return {
    section: 'SMTP throughput',
    measurement: `${messages.length} messages (mean ${kib} KiB), one pooled nodemailer connection`,
    ours: timed(ours.name, samples.get(ours.name)!),
    baseline: timed(bare.name, samples.get(bare.name)!),
    messages: messages.length,
    cpuCovers: 'this process: client and server',
  };
}
