/** An item's timeline shows its activities and system entries, in time order (faq-rules §0, R9.1). */
export type TimelineEntry = ActivityTimelineEntry | SystemTimelineEntry | FollowUpTimelineEntry;

export interface ActivityTimelineEntry {
  readonly kind: 'activity';
  readonly id: number;
  /** When the activity entered the CRM: the time the timeline shows (R5.2). */
  readonly at: Date;
  readonly activityId: number;
}

/** System entries by their product titles. */
export type SystemEntryTitle = 'New e-mail';

export interface SystemTimelineEntry {
  readonly kind: 'system';
  readonly id: number;
  readonly at: Date;
  readonly title: SystemEntryTitle;
  /** Whose avatar the entry shows: for "New e-mail", the mailbox's connector (R4.2). */
  readonly authorId: number;
  readonly activityId: number;
}

/** A planned activity created from an e-mail (R8.6); `activityId` is the follow-up's id. */
export interface FollowUpTimelineEntry {
  readonly kind: 'follow-up';
  readonly id: number;
  readonly at: Date;
  readonly activityId: number;
  readonly fromActivityId: number;
}
