import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockMailServer, type Account } from '../../mock-servers/index.ts';
import { Crm } from '../crm/index.ts';
import { DROP, TcpLink } from '../mail-sync/testing/tcp-link.ts';
import { MailboxConnection } from './mailbox-connection.ts';
import { VirtualClock } from './virtual-clock.ts';

/** The connector and the CRM together, over a link that breaks: what the CRM ends up with (R1.4, R1.5). */
const DAY = 24 * 60 * 60 * 1000;
let clock: VirtualClock;
let server: MockMailServer;
let account: Account;
let link: TcpLink;
let crm: Crm;
let opened: MailboxConnection[];

beforeEach(async () => {
  clock = new VirtualClock(new Date('2026-03-02T09:00:00Z'));
  server = new MockMailServer({ clock: () => clock.now() });
  account = server.addAccount('sales@acme.test', 'secret');
  const { host, imapPort } = await server.start();
  link = new TcpLink({ host, port: imapPort });
  crm = new Crm({ clock: () => clock.now() });
  crm.addEmployee({ name: 'Anna' });
  opened = [];
});
afterEach(async () => {
  for (const connection of opened) await connection.close();
  await link.stop();
  await server.stop();
});

async function connect(): Promise<MailboxConnection> {
  const mailbox = crm.connectMailbox({ address: 'sales@acme.test', connectorId: crm.employeeByName('Anna').id });
  const connection = new MailboxConnection(crm, mailbox.id, { ...(await link.start()), user: 'sales@acme.test', password: 'secret' });
  opened.push(connection);
  return connection;
}

function deliver(subject: string, from = 'jan@client.test'): void {
  const date = clock.now().toUTCString().replace('GMT', '+0000');
  server.store.deliver(
    account,
    account.requireFolderByRole('inbox'),
    Buffer.from(`From: ${from}\r\nTo: sales@acme.test\r\nSubject: ${subject}\r\nDate: ${date}\r\nMessage-ID: <${subject}@client.test>\r\n\r\nHi\r\n`),
  );
}

describe('connector and CRM on a breaking network', () => {
  it('R1.5 a connection dropped mid-sync leaves one activity per message', async () => {
    for (const s of ['a', 'b', 'c']) deliver(s, `${s}@client.test`);
    const connection = await connect();
    let fetches = 0;
    link.rule = (line, n) => (n === 1 && /^\* \d+ FETCH /.test(line) && ++fetches === 2 ? DROP : line);
    const result = await connection.synchronise();
    expect(result.reconnects).toBe(1);
    expect(crm.emailActivities().map((a) => a.subject)).toEqual(['a', 'b', 'c']);
    await connection.synchronise();
    expect(crm.emailActivities()).toHaveLength(3);
    expect(crm.leads()).toHaveLength(3);
  });

  it('R1.5 a changed UIDVALIDITY brings every message again: no second activity, no second list entry', async () => {
    deliver('a');
    deliver('b', 'b@client.test');
    const connection = await connect();
    await connection.synchronise();
    const inbox = account.requireFolderByRole('inbox').uidValidity;
    link.rule = (line) => line.replace(`UIDVALIDITY ${inbox}`, `UIDVALIDITY ${inbox + 500}`);
    const again = await connection.synchronise();
    expect(again.outcomes.map((o) => (o.outcome.saved ? 'saved' : o.outcome.reason))).toEqual(['duplicate', 'duplicate']);
    expect(crm.emailActivities()).toHaveLength(2);
    expect(crm.mailboxMessages(1).map((m) => [m.subject, m.uidValidity])).toEqual([
      ['a', inbox + 500],
      ['b', inbox + 500],
    ]);
  });

  it('R1.4 mail older than "Process e-mails for the last N days" before the connection is listed, not saved', async () => {
    deliver('ten days old');
    clock.advance(10 * DAY);
    deliver('fresh', 'fresh@client.test');
    const connection = await connect();
    const result = await connection.synchronise();
    expect(result.outcomes.map((o) => [o.message.subject, o.outcome.saved ? 'saved' : o.outcome.reason])).toEqual([
      ['ten days old', 'outside-processing-period'],
      ['fresh', 'saved'],
    ]);
  });

  it('mail found in the Sent folder is outgoing: matched by its recipient, completed, a contact for a new address', async () => {
    const sent = account.requireFolderByRole('sent');
    server.store.deliver(
      account,
      sent,
      Buffer.from('From: sales@acme.test\r\nTo: Ola Lis <ola@new.test>\r\nSubject: Our offer\r\nMessage-ID: <offer@acme.test>\r\n\r\nHi\r\n'),
    );
    const connection = await connect();
    const result = await connection.synchronise();
    const outcome = result.outcomes.find((o) => o.message.subject === 'Our offer')?.outcome;
    expect(outcome).toMatchObject({ saved: true, activity: { direction: 'outgoing', completed: true, bindings: [{ type: 'contact', id: 1 }] } });
    expect(crm.contact(1)).toMatchObject({ name: 'Ola Lis', emails: [{ value: 'ola@new.test', type: 'WORK' }] });
  });
});
