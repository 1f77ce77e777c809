/**
 * SMTP under load: many clients at once, each with its own connection, sending a share of the
 * messages to the mail server as the command line runs it (a process of its own, failed-login
 * delay off, no transcripts). Then every message is looked for over IMAP by its Message-ID:
 * none may be lost or stored twice. The baseline is the same server and the same messages
 * from one client, in the same run, so the ratio says what concurrency costs or gains.
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { startChild } from './child-process.ts';
import type { CorpusMessage } from './corpus.ts';
import type { Resources } from './resources.ts';

const USER = 'load@acme.test';
const PASSWORD = 'load-secret';

export interface SmtpLoad {
  readonly messages: number;
  readonly clients: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly ms: number;
  readonly rssIdle: number | undefined;
  readonly rssPeak: number | undefined;
}

/** One run: a fresh server, `clients` connections sharing the messages, then the IMAP count. */
export async function measureSmtpLoad(messages: readonly CorpusMessage[], clients: number, resources: Resources): Promise<SmtpLoad> {
  const server = startChild(
    `mail server for ${clients} SMTP clients`,
    'mock-servers/cli.ts',
    ['--user', `${USER}:${PASSWORD}`, '--auth-failure-delay', '0', '--max-connections-per-address', String(Math.max(100, clients * 2))],
    [],
    resources,
  );
  const ready = await server.nextLine((line) => line.startsWith('ready '));
  const port = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(ready)?.[1]);
  const rssIdle = server.rss();
  const sampler = server.samplePeak();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_unused, client) => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: port('smtp'), secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });
      try {
        for (let i = client; i < messages.length; i += clients) {
          const message = messages[i];
          if (message) await transport.sendMail({ envelope: { from: 'jan@client.test', to: [USER] }, raw: message.raw });
        }
      } finally {
        transport.close();
      }
    }),
  );
  const ms = performance.now() - started;
  const rssPeak = sampler.stop();
  const { lost, duplicated } = await countDelivered(port('imap'), messages);
  server.child.kill('SIGTERM');
  return { messages: messages.length, clients, lost, duplicated, ms, rssIdle, rssPeak };
}

async function countDelivered(imapPort: number, messages: readonly CorpusMessage[]): Promise<{ lost: number; duplicated: number }> {
  const client = new ImapFlow({ host: '127.0.0.1', port: imapPort, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  const seen = new Map<string, number>();
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    for await (const message of client.fetch('1:*', { envelope: true })) {
      const id = message.envelope?.messageId ?? '';
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  const lost = messages.filter((message) => !seen.has(message.messageId)).length;
  const duplicated = [...seen.values()].reduce((sum, copies) => sum + Math.max(0, copies - 1), 0);
  return { lost, duplicated };
}
