import type { IdSource } from '../ids.ts';
import type { EmailActivity } from './email-activity.ts';

/** Every e-mail activity, in the order they entered the CRM. */
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

  all(): readonly EmailActivity[] {
    return [...this.activities];
  }

  /**
   * The activity a mailbox's message already became, found by the Webmail entry it came from or
   * by its Message-ID, so a message synced again under a new UID is still known (R1.5, R3.3).
   */
  forMessage(mailboxId: number, mailboxMessageId: number, messageId: string | undefined): EmailActivity | undefined {
    return this.activities.find(
      (a) =>
        a.mailboxId === mailboxId &&
        (a.mailboxMessageId === mailboxMessageId || (messageId !== undefined && a.messageId === messageId)),
    );
  }

  get(id: number): EmailActivity | undefined {
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
