import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Simulation } from '../../src/simulation/index.ts';

/**
 * The one World of every scenario: it holds the scenario's Simulation and the error of the last
 * step written as an attempt ("tries to ..."), so a following step can assert the refusal.
 */
export class CrmWorld extends World {
  private current: Simulation | undefined;
  lastRefusal: unknown;
  /** Subjects the last search found, in the order it listed them (R9.2). */
  lastSearch: string[] | undefined;
  /** After a step broke the network: how many connections it cut so far. */
  droppedConnections: (() => number) | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  get sim(): Simulation {
    if (!this.current) throw new Error('The scenario has no simulation: the Before hook did not run');
    return this.current;
  }

  set sim(simulation: Simulation) {
    this.current = simulation;
  }

  get hasSimulation(): boolean {
    return this.current !== undefined;
  }

  /** The same for an attempt that goes over the wire (sending, synchronising). */
  async attemptAsync(action: () => Promise<unknown>): Promise<void> {
    this.lastRefusal = undefined;
    try {
      await action();
    } catch (error) {
      this.lastRefusal = error;
    }
  }

  /** Runs an attempt that may be refused, keeping the refusal for a "Then ... refuses" step. */
  attempt(action: () => unknown): void {
    this.lastRefusal = undefined;
    try {
      action();
    } catch (error) {
      this.lastRefusal = error;
    }
  }
}

setWorldConstructor(CrmWorld);
