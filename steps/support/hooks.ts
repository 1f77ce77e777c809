import { After, Before, setDefaultTimeout } from '@cucumber/cucumber';
import { Simulation } from '../../src/simulation/index.ts';
import type { CrmWorld } from './world.ts';

// A scenario talks to loopback servers only; anything near this long is a hang, not slowness.
setDefaultTimeout(15_000);

Before(async function (this: CrmWorld) {
  this.sim = await Simulation.start();
});

After(async function (this: CrmWorld) {
  if (this.hasSimulation) await this.sim.stop();
});
