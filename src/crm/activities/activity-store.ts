import { CrmError } from '../errors.ts';
import type { IdSource } from '../ids.ts';
import { keepBodiesCompact, type Bodies } from '../mailboxes/stored-bodies.ts';
import { normaliseMessageId } from './message-id.ts';
import type { EmailActivity } from './email-activity.ts';
import { ActivityIndex, byDigestWithoutMessageId, byInReplyTo, byMailboxMessage, byMessageId, mailboxMessageKey } from './activity-index.ts';

type ActivityChange = Partial<Omit<EmailActivity, 'id'>>;

/**
 * Every e-mail activity, in the order they entered the CRM. Records are replaced, never edited,
 * and only here (add, update, replace), which keeps the indexes (activity-index.ts) in step: a
 * message is looked up by its Message-ID, its Webmail entry or its digest without reading every
 * activity the CRM holds.
 */
export class ActivityStore {
  private readonly activities: EmailActivity[] = [];
  private readonly positions = new Map<number, number>();
  private readonly indexes = {
    messageId: new ActivityIndex(byMessageId),
    inReplyTo: new ActivityIndex(byInReplyTo),
    mailboxMessage: new ActivityIndex(byMailboxMessage),
    digest: new ActivityIndex(byDigestWithoutMessageId),
  };
  private readonly ids: IdSource;

  constructor(ids: IdSource) {
    this.ids = ids;
  }

  /** `bodiesFrom`: the message it was saved from, whose text and HTML it shares (stored-bodies.ts). */
  add(fields: Omit<EmailActivity, 'id'>, bodiesFrom?: Bodies): EmailActivity {
    if (fields.bindings.length === 0) throw new Error('An e-mail activity needs at least one binding');
    const activity: EmailActivity = keepBodiesCompact({ ...fields, id: this.ids.next('activity') }, bodiesFrom ? { from: bodiesFrom } : {});
    this.store(this.activities.length, activity);
    return activity;
  }

  /** Throws CRM.UNKNOWN_ACTIVITY. */
  get(id: number): EmailActivity {
    const activity = this.find(id);
    if (!activity) throw new CrmError('CRM.UNKNOWN_ACTIVITY', `There is no e-mail activity with id ${id}.`);
    return activity;
  }

  update(id: number, change: ActivityChange): EmailActivity {
    const index = this.positions.get(id);
    const current = index === undefined ? undefined : this.activities[index];
    if (index === undefined || !current) throw new CrmError('CRM.UNKNOWN_ACTIVITY', `There is no e-mail activity with id ${id}.`);
    const updated: EmailActivity = keepBodiesCompact({ ...current, ...change, id }, { previous: current });
    if (updated.bindings.length === 0) throw new Error('An e-mail activity needs at least one binding');
    this.store(index, updated);
    return updated;
  }

  all(): readonly EmailActivity[] {
    return [...this.activities];
  }

  /** The activity with this Message-ID, compared without angle brackets and letter case. */
  byMessageId(messageId: string | undefined): EmailActivity | undefined {
    return this.at(this.indexes.messageId.first(normaliseMessageId(messageId)));
  }

  /** The activities whose In-Reply-To names this Message-ID, in the order they entered the CRM. */
  repliesTo(messageId: string | undefined): EmailActivity[] {
    return this.indexes.inReplyTo.all(normaliseMessageId(messageId)).map((position) => this.activities[position]!);
  }

  /**
   * The activity a mailbox's message already became, found by the Webmail entry it came from or
   * by its Message-ID anywhere in the CRM: a message synced again under a new UID, copied into a
   * second connected mailbox, or sent from a CRM form and then found in Sent is one e-mail, saved
   * once (R1.5, R3.3; reference §1.1 rule 6). A message without a Message-ID is found by the
   * digest of its raw bytes instead, which a move or a renumbered folder does not change.
   */
  forMessage(mailboxId: number, mailboxMessageId: number, messageId: string | undefined, contentDigest?: string): EmailActivity | undefined {
    return (
      this.at(this.indexes.mailboxMessage.first(mailboxMessageKey(mailboxId, mailboxMessageId))) ??
      this.byMessageId(messageId) ??
      (normaliseMessageId(messageId) === undefined && contentDigest !== undefined ? this.at(this.indexes.digest.first(contentDigest)) : undefined)
    );
  }

  /** The activity, or undefined when there is none with this id. */
  find(id: number): EmailActivity | undefined {
    return this.at(this.positions.get(id));
  }

  /** Replaces a record with a changed copy (records are immutable; the CRM changes them only here). */
  replace(activity: EmailActivity): EmailActivity {
    const index = this.positions.get(activity.id);
    if (index === undefined) throw new Error(`No e-mail activity ${activity.id} to replace`);
    const kept = keepBodiesCompact(activity, { previous: this.activities[index] });
    this.store(index, kept);
    return kept;
  }

  private at(position: number | undefined): EmailActivity | undefined {
    return position === undefined ? undefined : this.activities[position];
  }

  /** Puts the record at its position and refiles it in every index. */
  private store(position: number, activity: EmailActivity): void {
    const before = this.activities[position];
    this.activities[position] = activity;
    if (!before) this.positions.set(activity.id, position);
    for (const index of Object.values(this.indexes)) index.set(position, before, activity);
  }
}
