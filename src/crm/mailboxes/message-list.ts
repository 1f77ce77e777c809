import type { Clock, IdSource } from '../ids.ts';
import { CrmError } from '../errors.ts';
import { normaliseMessageId } from '../activities/message-id.ts';
import { canonicalFolder } from './folder-path.ts';
import type { InboundMailboxMessage, MailboxMessage } from './mailbox-message.ts';

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
      const updated: MailboxMessage = { ...moved, uidValidity: inbound.uidValidity, uid: inbound.uid };
      this.byPlace.delete(placeKey(mailboxId, moved));
      this.byPlace.set(place, updated);
      this.byId.set(updated.id, updated);
      return { duplicate: true, message: updated };
    }
    const message: MailboxMessage = { ...inbound, id: this.ids.next('mailboxMessage'), mailboxId, syncedAt: this.clock() };
    this.byId.set(message.id, message);
    this.byPlace.set(place, message);
    return { duplicate: false, message };
  }

  get(id: number): MailboxMessage {
    const message = this.byId.get(id);
    if (!message) throw new CrmError('CRM.UNKNOWN_MAILBOX_MESSAGE', `There is no mailbox message with id ${id}.`);
    return message;
  }

  ofMailbox(mailboxId: number): readonly MailboxMessage[] {
    return [...this.byId.values()].filter((m) => m.mailboxId === mailboxId);
  }

  private sameMessageUnderOldUidValidity(mailboxId: number, inbound: InboundMailboxMessage): MailboxMessage | undefined {
    const folder = canonicalFolder(inbound.folder);
    const identity = identityOf(inbound);
    return this.ofMailbox(mailboxId).find(
      (m) => canonicalFolder(m.folder) === folder && m.uidValidity !== inbound.uidValidity && identityOf(m) === identity,
    );
  }
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
