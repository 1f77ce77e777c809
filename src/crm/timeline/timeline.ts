import type { IdSource } from '../ids.ts';
import type { ItemRef } from '../items/item-ref.ts';
import type { ActivityTimelineEntry, FollowUpTimelineEntry, SystemTimelineEntry, TimelineEntry } from './timeline-entry.ts';

type NewEntry = Omit<ActivityTimelineEntry, 'id'> | Omit<SystemTimelineEntry, 'id'> | Omit<FollowUpTimelineEntry, 'id'>;

/** The timelines of all items. */
export class Timelines {
  private readonly entries = new Map<string, TimelineEntry[]>();
  private readonly ids: IdSource;

  constructor(ids: IdSource) {
    this.ids = ids;
  }

  add(ref: ItemRef, entry: NewEntry): TimelineEntry {
    const added = { ...entry, id: this.ids.next('timelineEntry') } as TimelineEntry;
    // Appended in place: copying the item's whole timeline for each entry made an item with
    // many e-mails cost more per e-mail the more it had. `of` hands out copies only.
    const key = refKey(ref);
    const entries = this.entries.get(key);
    if (entries) entries.push(added);
    else this.entries.set(key, [added]);
    return added;
  }

  /** Oldest first; entries of the same moment in the order they were added. */
  of(ref: ItemRef): readonly TimelineEntry[] {
    const entries = this.entries.get(refKey(ref)) ?? [];
    return [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  }

  /** Moves an activity's entries from one item's timeline to another's, keeping their times (R7.1). */
  moveActivity(activityId: number, from: ItemRef, to: ItemRef): void {
    const fromKey = refKey(from);
    const moving = (this.entries.get(fromKey) ?? []).filter((e) => e.activityId === activityId);
    this.entries.set(fromKey, (this.entries.get(fromKey) ?? []).filter((e) => e.activityId !== activityId));
    const toKey = refKey(to);
    this.entries.set(toKey, [...(this.entries.get(toKey) ?? []), ...moving]);
  }
}

function refKey(ref: ItemRef): string {
  return `${ref.type}:${ref.id}`;
}
