/**
 * The CRM's side of the CRM sync benchmark, in a process of its own so that its CPU time and its
 * memory are the CRM's alone (the mail server runs in another, see imap-servers/serve.ts):
 *
 *   node --import ./scripts/register-ts.mjs scripts/bench/crm-sync/crm-process.ts <host> <port> <user> <password>
 *
 * Sets up a CRM with one employee who connects the mailbox, prints `ready`, and on a line `go`
 * on its stdin (child-run.ts) synchronises the mailbox once through the product's own path (the
 * connector, MailboxSync: imapflow over IMAP, mailparser; the CRM's intake and routing rules). It
 * prints one JSON line (sync-report.ts) and exits.
 *
 * The connector is wired to the CRM as src/simulation/mailbox-connection.ts wires it, less the
 * list a scenario keeps of every parsed message and its outcome for its story: that list is the
 * scenario's, and at 10,000 messages it would be counted as the CRM's memory.
 */
import { Crm } from '../../../src/crm/index.ts';
import { MailboxSync } from '../../../src/mail-sync/index.ts';
import { readyThenGo } from './child-run.ts';
import type { CrmSyncReport } from './sync-report.ts';

const [host, port, user, password] = process.argv.slice(2);
if (!host || !port || !user || !password) throw new Error('Usage: crm-process.ts <host> <port> <user> <password>');

// The mailbox is connected just before the corpus's first message (corpus.ts), so every message
// arrived after the connection, within the processing period (R1.4), as new mail does.
const clock = () => new Date('2026-03-02T08:00:00Z');
const crm = new Crm({ clock });
const employee = crm.addEmployee({ name: 'Anna Connector' });
const mailbox = crm.connectMailbox({ address: user, connectorId: employee.id });
let saved = 0;
const connector = new MailboxSync({ host, port: Number(port), user, password }, {
  registerFolders: (folders) => crm.registerMailboxFolders(mailbox.id, folders),
  foldersToSync: () => crm.foldersToSync(mailbox.id),
  receive: (message) => {
    if (crm.receiveMailboxMessage(mailbox.id, message).saved) saved++;
  },
});

const restRssBytes = process.memoryUsage().rss;
await readyThenGo();

const before = process.cpuUsage();
const result = await connector.syncOnce();
const cpu = process.cpuUsage(before);
const report: CrmSyncReport = {
  fetched: result.fetched,
  saved,
  failures: result.failures.length,
  cpuMs: (cpu.user + cpu.system) / 1000,
  restRssBytes,
  rssBytes: process.memoryUsage().rss,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  // Read after the timing: the CRM keeps bodies compactly and decodes them on each read.
  bodyBytes: crm.mailboxMessages(mailbox.id).reduce((sum, m) => sum + Buffer.byteLength(m.text ?? '') + Buffer.byteLength(m.html ?? ''), 0),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
// LOGOUT, as a connector ends its session; the benchmark does not wait for it.
await connector.close();
process.exit(0);
