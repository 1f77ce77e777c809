import type { IdSource } from '../ids.ts';
import type { ItemRef } from '../items/item-ref.ts';

/**
 * A planned activity created from an e-mail ("Create a new activity from the e-mail", Q8): the
 * work goes on in it, and the e-mail's own activity is completed (R8.6).
 */
export interface FollowUpActivity {
  readonly id: number;
  readonly subject: string;
  /** The e-mail it was created from. */
  readonly fromActivityId: number;
  /** The e-mail's items: the follow-up is in the same forms. */
  readonly bindings: readonly ItemRef[];
  readonly responsibleId: number;
  readonly authorId: number;
  readonly createdAt: Date;
  readonly deadline?: Date;
  readonly completed: boolean;
}

/** Follow-up activities; ids share the activity sequence, so an activity id names one thing. */
export class FollowUpStore {
  private readonly followUps: FollowUpActivity[] = [];
  private readonly ids: IdSource;

  constructor(ids: IdSource) {
    this.ids = ids;
  }

  add(fields: Omit<FollowUpActivity, 'id'>): FollowUpActivity {
    const followUp: FollowUpActivity = { ...fields, id: this.ids.next('activity') };
    this.followUps.push(followUp);
    return followUp;
  }

  get(id: number): FollowUpActivity | undefined {
    return this.followUps.find((f) => f.id === id);
  }

  all(): readonly FollowUpActivity[] {
    return [...this.followUps];
  }
}
