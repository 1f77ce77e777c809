import type { MailServerSnapshot } from '../mock-mail-server-types.ts';
import { HttpProblem } from './problem.ts';

export interface SnapshotView {
  readonly id: string;
  readonly takenAt: string;
  readonly accounts: number;
  readonly messages: number;
  readonly outbox: number;
}

/** Snapshots taken through the API, by id, for as long as the server runs. */
export class SnapshotShelf {
  private readonly kept = new Map<string, { snapshot: MailServerSnapshot; view: SnapshotView }>();
  private lastId = 0;

  put(snapshot: MailServerSnapshot, takenAt: Date): SnapshotView {
    const id = String(++this.lastId);
    const messages = snapshot.store.accounts.reduce((sum, account) => sum + account.folders.reduce((n, folder) => n + folder.messages.length, 0), 0);
    const view: SnapshotView = { id, takenAt: takenAt.toISOString(), accounts: snapshot.store.accounts.length, messages, outbox: snapshot.outbox.length };
    this.kept.set(id, { snapshot, view });
    return view;
  }

  list(): SnapshotView[] {
    return [...this.kept.values()].map((entry) => entry.view);
  }

  take(id: string): MailServerSnapshot {
    const entry = this.kept.get(id);
    if (entry) return entry.snapshot;
    const ids = [...this.kept.keys()];
    throw new HttpProblem(404, 'SNAPSHOT.NOT_FOUND', `No snapshot ${id}; snapshots: ${ids.join(', ') || 'none taken yet'}`, { ids });
  }

  delete(id: string): void {
    this.take(id);
    this.kept.delete(id);
  }
}
