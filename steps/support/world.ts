import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Crm, ItemRef } from '../../src/crm/index.ts';
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
  /** An item's timeline in words, for failed checks; set with the simulation (hooks.ts). */
  renderTimeline: ((crm: Crm, ref: ItemRef) => string) | undefined;
  /** The CRM's items just before the scenario's first action (a When step), for the story. */
  itemsBeforeAction: ReadonlySet<string> | undefined;

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

  /**
   * Runs an assertion about CRM items. When it fails, its message ends with the timeline of each
   * item, so the report shows what the item went through without opening the attachments. The
   * items are looked up only then; one that cannot be found is left out.
   */
  checkItems(items: () => readonly ItemRef[], assertion: () => void): void {
    try {
      assertion();
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      let refs: readonly ItemRef[] = [];
      try {
        refs = items();
      } catch {
        refs = [];
      }
      const seen = new Set<string>();
      const render = this.renderTimeline;
      const timelines = render ? refs.filter((ref) => !seen.has(`${ref.type} ${ref.id}`) && seen.add(`${ref.type} ${ref.id}`)).map((ref) => render(this.sim.crm, ref)) : [];
      if (timelines.length > 0) {
        const original = error.message;
        error.message = `${original}\n\n${timelines.join('\n')}`;
        if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
      }
      throw error;
    }
  }

  /** The same for an assertion about an e-mail: the timelines of the items it is bound to, and of `also`. */
  checkEmail(subject: string, also: () => readonly ItemRef[], assertion: () => void): void {
    this.checkItems(() => [...this.sim.activitiesFor(subject).flatMap((a) => a.bindings), ...safely(also)], assertion);
  }
}

function safely(refs: () => readonly ItemRef[]): readonly ItemRef[] {
  try {
    return refs();
  } catch {
    return [];
  }
}

setWorldConstructor(CrmWorld);
