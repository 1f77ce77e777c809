import type { ApiEvents } from './api-events.ts';
import type { FaultRegistry } from './fault-registry.ts';
import type { MailServerControl } from './mail-server-control.ts';
import type { SnapshotShelf } from './snapshot-shelf.ts';

/** What every group of routes shares. */
export interface ApiContext {
  readonly control: MailServerControl;
  readonly events: ApiEvents;
  readonly faults: FaultRegistry;
  readonly snapshots: SnapshotShelf;
}
