/** Where the connector stopped in one folder: UIDs are only comparable within one UIDVALIDITY. */
export interface FolderCursor {
  uidValidity: number;
  /** The highest UID already handed to the CRM (0 before the first sync). */
  lastUid: number;
}

/**
 * What the connector has seen, per folder. A folder whose UIDVALIDITY changed is read from the
 * start again (RFC 3501 §2.3.1.1: old UIDs mean nothing then); the CRM's own duplicate check
 * by Message-ID keeps that from saving anything twice (R1.5).
 */
export class SyncState {
  private readonly cursors = new Map<string, FolderCursor>();

  /** The first UID still to fetch in this folder for this UIDVALIDITY. */
  nextUid(folder: string, uidValidity: number): number {
    const cursor = this.cursors.get(folder);
    return cursor && cursor.uidValidity === uidValidity ? cursor.lastUid + 1 : 1;
  }

  /** Records one handled message; called per message so an interrupted sync resumes after it. */
  advance(folder: string, uidValidity: number, uid: number): void {
    const cursor = this.cursors.get(folder);
    const lastUid = cursor && cursor.uidValidity === uidValidity ? Math.max(cursor.lastUid, uid) : uid;
    this.cursors.set(folder, { uidValidity, lastUid });
  }

  cursor(folder: string): FolderCursor | undefined {
    return this.cursors.get(folder);
  }
}
