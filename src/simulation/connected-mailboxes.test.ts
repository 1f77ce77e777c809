import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';

/** What keeps a Node process alive: open sockets, listeners and timers. */
const openHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap' || r === 'Timeout').length;

describe('the connectors of a scenario', () => {
  it('keep one IMAP session per mailbox across synchronisations, and mark each one in the traffic log', async () => {
    const sim = await Simulation.start();
    try {
      sim.addEmployee('Anna');
      await sim.connectMailbox('sales@acme.test', 'Anna');
      await sim.connectMailbox('support@acme.test', 'Anna');
      await sim.sendFromOutside({ from: 'jan@client.test', to: 'sales@acme.test', subject: 'Offer' });
      const result = await sim.synchronise('sales@acme.test');
      expect(result).toMatchObject({ fetched: 1, connections: 0, reconnects: 0 });
      const log = sim.wireLog.toString().split('\n');
      const sessions = log.filter((line) => / C: \S+ ID \(/.test(line));
      expect(sessions).toHaveLength(2);
      expect(sessions[0]).toContain('"name" "CRM mail connector" "role" "synchronisation" "mailbox" "sales@acme.test"');
      expect(log.filter((line) => line.startsWith('── '))).toEqual([
        '── sales@acme.test: synchronisation 1 starts',
        '── sales@acme.test: synchronisation 1 ends: 0 e-mail(s) fetched, 0 reconnect(s), 1 connection(s) opened',
        '── support@acme.test: synchronisation 1 starts',
        '── support@acme.test: synchronisation 1 ends: 0 e-mail(s) fetched, 0 reconnect(s), 1 connection(s) opened',
        '── sales@acme.test: synchronisation 2 starts',
        '── sales@acme.test: synchronisation 2 ends: 1 e-mail(s) fetched, 0 reconnect(s), on the IMAP session already open',
      ]);
    } finally {
      await sim.stop();
    }
  });

  it('are logged out when the simulation stops, leaving no socket or timer behind', async () => {
    const before = openHandles();
    const sim = await Simulation.start();
    sim.addEmployee('Anna');
    await sim.connectMailbox('sales@acme.test', 'Anna');
    await sim.synchronise('sales@acme.test');
    expect(openHandles()).toBeGreaterThan(before);
    await sim.stop();
    const log = sim.wireLog.toString();
    expect(log).toMatch(/IMAP#\d+ C: \S+ LOGOUT/);
    // Sockets closed by both ends are released on the next turns of the event loop.
    for (let turn = 0; turn < 20 && openHandles() > before; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(openHandles()).toBeLessThanOrEqual(before);
  });
});
