import type { Clock, IdSource } from '../ids.ts';
import { CrmError } from '../errors.ts';
import { normaliseMessageId } from '../activities/message-id.ts';
import { canonicalFolder } from './folder-path.ts';
import type { InboundMailboxMessage, MailboxMessage } from './mailbox-message.ts';
import { keepBodiesCompact } from './stored-bodies.ts';

/** The message as recorded, or as recorded before when `duplicate`. */
export interface RecordResult {
  readonly duplicate: boolean;
  readonly message: MailboxMessage;
}

/**
 * Every message each mailbox has synced. A message's place on the server is mailbox + folder +
 * UIDVALIDITY + UID (RFC 3501 §2.3.1.1); the same place handed over again is a duplicate (R1.5).
 * When a folder's UIDVALIDITY changes, its messages come again under new UIDs: one that is
 * already listed in that folder (same Message-ID, or, without one, the same raw bytes; without a
 * digest either, the same server arrival time, sender and subject) is the same Webmail entry, moved to its new place, not a second one.
 */
export class MessageList {
  private readonly byId = new Map<number, MailboxMessage>();
  private readonly byPlace = new Map<string, MailboxMessage>();
  /** Ids by mailbox, in the order they were recorded (the order of `byId`). */
  private readonly byMailbox = new Map<number, number[]>();
  /**
   * Ids by mailbox, folder and what stays the same when the folder is renumbered, in the order
   * recorded: a message that comes again under a new UIDVALIDITY is found here without reading
   * the mailbox's whole list (which made a large first sync cost more for every message).
   */
  private readonly bySameMessage = new Map<string, number[]>();
  private readonly ids: IdSource;
  private readonly clock: Clock;

  constructor(ids: IdSource, clock: Clock) {
    this.ids = ids;
    this.clock = clock;
  }

  record(mailboxId: number, inbound: InboundMailboxMessage): RecordResult {
    const place = placeKey(mailboxId, inbound);
    const known = this.byPlace.get(place);
    if (known) return { duplicate: true, message: known };
    const moved = this.sameMessageUnderOldUidValidity(mailboxId, inbound);
    if (moved) {
      const updated: MailboxMessage = keepBodiesCompact({ ...moved, uidValidity: inbound.uidValidity, uid: inbound.uid }, { from: moved });
      this.byPlace.delete(placeKey(mailboxId, moved));
      this.byPlace.set(place, updated);
      this.byId.set(updated.id, updated);
      return { duplicate: true, message: updated };
    }
    const message: MailboxMessage = keepBodiesCompact({ ...inbound, id: this.ids.next('mailboxMessage'), mailboxId, syncedAt: this.clock() });
    this.byId.set(message.id, message);
    this.byPlace.set(place, message);
    append(this.byMailbox, mailboxId, message.id);
    append(this.bySameMessage, sameMessageKey(mailboxId, message), message.id);
    return { duplicate: false, message };
  }

  get(id: number): MailboxMessage {
    const message = this.byId.get(id);
    if (!message) throw new CrmError('CRM.UNKNOWN_MAILBOX_MESSAGE', `There is no mailbox message with id ${id}.`);
    return message;
  }

  ofMailbox(mailboxId: number): readonly MailboxMessage[] {
    return (this.byMailbox.get(mailboxId) ?? []).map((id) => this.byId.get(id)!);
  }

  /** The first message recorded in the same folder with the same identity under another UIDVALIDITY. */
  private sameMessageUnderOldUidValidity(mailboxId: number, inbound: InboundMailboxMessage): MailboxMessage | undefined {
    for (const id of this.bySameMessage.get(sameMessageKey(mailboxId, inbound)) ?? []) {
      const message = this.byId.get(id)!;
      if (message.uidValidity !== inbound.uidValidity) return message;
    }
    return undefined;
  }
}

function append<K>(index: Map<K, number[]>, key: K, id: number): void {
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
}

/** Folder and identity never change for a recorded message: a move keeps both (see record). */
function sameMessageKey(mailboxId: number, m: InboundMailboxMessage): string {
  return JSON.stringify([mailboxId, canonicalFolder(m.folder), identityOf(m)]);
}

function placeKey(mailboxId: number, m: InboundMailboxMessage): string {
  return JSON.stringify([mailboxId, canonicalFolder(m.folder), m.uidValidity, m.uid]);
}

/** What stays the same when a server renumbers a folder. */
function identityOf(m: InboundMailboxMessage): string {
  const messageId = normaliseMessageId(m.messageId);
  if (messageId !== undefined) return `id:${messageId}`;
  if (m.contentDigest !== undefined) return `digest:${m.contentDigest}`; // R1.5 without a Message-ID
  return JSON.stringify([m.receivedAt.getTime(), m.from.map((a) => a.address.toLowerCase()), m.subject, m.date?.getTime() ?? null]);
}
