import { After, Before, Status, setDefaultTimeout } from '@cucumber/cucumber';
import { Simulation } from '../../src/simulation/index.ts';
import type { CrmWorld } from './world.ts';

// A scenario talks to loopback servers only; anything near this long is a hang, not slowness.
setDefaultTimeout(15_000);

Before(async function (this: CrmWorld) {
  this.sim = await Simulation.start();
});

After(async function (this: CrmWorld, { result }) {
  if (!this.hasSimulation) return;
  // A failed scenario carries its SMTP and IMAP traffic, so the report shows what really happened.
  if (result?.status === Status.FAILED) this.attach(this.sim.wireLog.toString(), { mediaType: 'text/plain', fileName: 'mail-traffic.txt' });
  await this.sim.stop();
});
