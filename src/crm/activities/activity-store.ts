import { CrmError } from '../errors.ts';
import type { IdSource } from '../ids.ts';
import { normaliseMessageId } from './message-id.ts';
import type { EmailActivity } from './email-activity.ts';

type ActivityChange = Partial<Omit<EmailActivity, 'id'>>;

/** Every e-mail activity, in the order they entered the CRM. Records are replaced, never edited. */
export class ActivityStore {
  private readonly activities: EmailActivity[] = [];
  private readonly ids: IdSource;

  constructor(ids: IdSource) {
    this.ids = ids;
  }

  add(fields: Omit<EmailActivity, 'id'>): EmailActivity {
    if (fields.bindings.length === 0) throw new Error('An e-mail activity needs at least one binding');
    const activity: EmailActivity = { ...fields, id: this.ids.next('activity') };
    this.activities.push(activity);
    return activity;
  }

  /** Throws CRM.UNKNOWN_ACTIVITY. */
  get(id: number): EmailActivity {
    const activity = this.activities.find((a) => a.id === id);
    if (!activity) throw new CrmError('CRM.UNKNOWN_ACTIVITY', `There is no e-mail activity with id ${id}.`);
    return activity;
  }

  update(id: number, change: ActivityChange): EmailActivity {
    const index = this.activities.findIndex((a) => a.id === id);
    const current = this.activities[index];
    if (!current) throw new CrmError('CRM.UNKNOWN_ACTIVITY', `There is no e-mail activity with id ${id}.`);
    const updated: EmailActivity = { ...current, ...change, id };
    if (updated.bindings.length === 0) throw new Error('An e-mail activity needs at least one binding');
    this.activities[index] = updated;
    return updated;
  }

  all(): readonly EmailActivity[] {
    return [...this.activities];
  }

  /** The activity with this Message-ID, compared without angle brackets and letter case. */
  byMessageId(messageId: string | undefined): EmailActivity | undefined {
    const key = normaliseMessageId(messageId);
    return key === undefined ? undefined : this.activities.find((a) => normaliseMessageId(a.messageId) === key);
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
      this.activities.find((a) => a.mailboxId === mailboxId && a.mailboxMessageId === mailboxMessageId) ??
      this.byMessageId(messageId) ??
      (normaliseMessageId(messageId) === undefined && contentDigest !== undefined
        ? this.activities.find((a) => normaliseMessageId(a.messageId) === undefined && a.contentDigest === contentDigest)
        : undefined)
    );
  }

  /** The activity, or undefined when there is none with this id. */
  find(id: number): EmailActivity | undefined {
    return this.activities.find((a) => a.id === id);
  }

  /** Replaces a record with a changed copy (records are immutable; the CRM changes them only here). */
  replace(activity: EmailActivity): EmailActivity {
    const index = this.activities.findIndex((a) => a.id === activity.id);
    if (index < 0) throw new Error(`No e-mail activity ${activity.id} to replace`);
    this.activities[index] = activity;
    return activity;
  }
}
