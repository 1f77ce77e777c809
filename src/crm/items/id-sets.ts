/**
 * Item ids filed under keys, for the CRM's indexes: a key with no ids left is dropped, so the
 * index never grows with what was removed from it.
 */
export class IdSets<K> {
  private readonly sets = new Map<K, Set<number>>();

  add(key: K, id: number): void {
    let ids = this.sets.get(key);
    if (!ids) this.sets.set(key, (ids = new Set()));
    ids.add(id);
  }

  delete(key: K, id: number): void {
    const ids = this.sets.get(key);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.sets.delete(key);
  }

  /** The ids filed under the key, in the order they were filed. */
  get(key: K): ReadonlySet<number> {
    return this.sets.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<number> = new Set();
