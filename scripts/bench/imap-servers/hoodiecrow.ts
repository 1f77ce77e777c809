/**
 * hoodiecrow-imap 2.1.0, the long-standing Node IMAP mock, as a baseline. It is CommonJS without
 * types, so it is loaded with createRequire and described by the little of it used here. The
 * corpus goes in through its `storage` option, the way its users fill it.
 */
import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import type { Corpus } from '../corpus.ts';
import type { Resources } from '../resources.ts';
import { BENCH_PASSWORD, BENCH_USER, type ImapTarget } from './imap-target.ts';

interface HoodiecrowMessage {
  raw: string;
  flags: string[];
  internaldate: string;
}

interface HoodiecrowOptions {
  plugins: string[];
  users: Record<string, { password: string }>;
  storage: Record<string, { messages?: HoodiecrowMessage[]; separator?: string; folders?: Record<string, unknown> }>;
}

interface HoodiecrowServer {
  readonly server: Server;
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
}

const require = createRequire(import.meta.url);

export function hoodiecrowVersion(): string {
  return (require('hoodiecrow-imap/package.json') as { version: string }).version;
}

/** INTERNALDATE as RFC 3501 §9 date-time, in UTC: "02-Mar-2026 09:00:00 +0000". */
export function imapDateTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}-${months[date.getUTCMonth()]}-${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

export async function startHoodiecrow(corpus: Corpus, resources: Resources): Promise<ImapTarget> {
  const create = require('hoodiecrow-imap') as (options: HoodiecrowOptions) => HoodiecrowServer;
  const server = create({
    // The extensions imapflow uses that both servers have; hoodiecrow logs in with LOGIN.
    plugins: ['ID', 'ENABLE', 'IDLE', 'NAMESPACE', 'UNSELECT', 'SPECIAL-USE', 'LITERALPLUS'],
    users: { [BENCH_USER]: { password: BENCH_PASSWORD } },
    storage: {
      INBOX: {
        // The corpus is 7-bit ASCII, so a string holds exactly the message's octets.
        messages: corpus.messages.map((m) => ({ raw: m.raw.toString('latin1'), flags: [...m.flags], internaldate: imapDateTime(m.internalDate) })),
      },
      '': { separator: '/', folders: {} },
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  resources.add('hoodiecrow', () => new Promise<void>((resolve) => server.close(() => resolve())));
  const name = `hoodiecrow-imap ${hoodiecrowVersion()}`;
  return { name, host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, user: BENCH_USER, password: BENCH_PASSWORD };
}
