/**
 * The CRM's side of the CRM sync benchmark, in a process of its own so that its CPU time and its
 * memory are the CRM's alone (the mail server runs in another, see imap-servers/serve.ts):
 *
 *   node --import ./scripts/register-ts.mjs scripts/bench/crm-sync/crm-process.ts <host> <port> <user> <password>
 *
 * Sets up a CRM with one employee who connects the mailbox, prints `ready`, and on a line `go`
 * on its stdin synchronises the mailbox once through the product's own path (MailboxConnection:
 * imapflow over IMAP, mailparser, the CRM's intake and routing rules). It prints one JSON line
 * (sync-report.ts) and exits.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Crm } from '../../../src/crm/index.ts';
import { MailboxConnection } from '../../../src/simulation/mailbox-connection.ts';
import type { CrmSyncReport } from './sync-report.ts';

const [host, port, user, password] = process.argv.slice(2);
if (!host || !port || !user || !password) throw new Error('Usage: crm-process.ts <host> <port> <user> <password>');

// The mailbox is connected just before the corpus's first message (corpus.ts), so every message
// arrived after the connection, within the processing period (R1.4), as new mail does.
const clock = () => new Date('2026-03-02T08:00:00Z');
const crm = new Crm({ clock });
const connector = crm.addEmployee({ name: 'Anna Connector' });
const mailbox = crm.connectMailbox({ address: user, connectorId: connector.id });
const connection = new MailboxConnection(crm, mailbox.id, { host, port: Number(port), user, password });

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
const [command] = (await once(lines, 'line')) as [string];
lines.close();
if (command !== 'go') throw new Error(`Expected "go", got "${command}"`);

const before = process.cpuUsage();
const result = await connection.synchronise();
const cpu = process.cpuUsage(before);
const report: CrmSyncReport = {
  fetched: result.fetched,
  saved: result.outcomes.filter((o) => o.outcome.saved).length,
  failures: result.failures.length,
  cpuMs: (cpu.user + cpu.system) / 1000,
  rssBytes: process.memoryUsage().rss,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
