/** Where the connector stopped in one folder: UIDs are only comparable within one UIDVALIDITY. */
export interface FolderCursor {
  uidValidity: number;
  /** The highest UID already handed to the CRM (0 before the first message). */
  lastUid: number;
  /**
   * Every UID below this one has been seen: the folder's UIDNEXT when a fetch last ran to its end
   * (messages expunged before the connector saw them leave gaps below it). A STATUS that reports
   * the same UIDVALIDITY and no higher UIDNEXT means nothing new (RFC 3501 §2.3.1.1).
   */
  uidNext: number;
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
    return cursor && cursor.uidValidity === uidValidity ? cursor.uidNext : 1;
  }

  /** Whether a folder with this UIDVALIDITY and UIDNEXT (from STATUS or EXAMINE) holds anything not yet seen. */
  hasNew(folder: string, uidValidity: number, uidNext: number): boolean {
    return uidNext > this.nextUid(folder, uidValidity);
  }

  /** Records one handled message; called per message so an interrupted sync resumes after it. */
  advance(folder: string, uidValidity: number, uid: number): void {
    this.seenBelow(folder, uidValidity, uid + 1, uid);
  }

  /** Records that a fetch ran to its end: nothing below this UIDNEXT is left to see. */
  seenUpTo(folder: string, uidValidity: number, uidNext: number): void {
    this.seenBelow(folder, uidValidity, uidNext, 0);
  }

  cursor(folder: string): FolderCursor | undefined {
    return this.cursors.get(folder);
  }

  private seenBelow(folder: string, uidValidity: number, uidNext: number, uid: number): void {
    const cursor = this.cursors.get(folder);
    const same = cursor !== undefined && cursor.uidValidity === uidValidity;
    this.cursors.set(folder, {
      uidValidity,
      lastUid: Math.max(same ? cursor.lastUid : 0, uid),
      uidNext: Math.max(same ? cursor.uidNext : 1, uidNext),
    });
  }
}
