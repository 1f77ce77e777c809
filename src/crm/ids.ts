/** The kinds of record that get their own id sequence, so ids read naturally: lead 1, contact 1 … */
export type IdKind =
  | 'employee'
  | 'lead'
  | 'contact'
  | 'company'
  | 'deal'
  | 'activity'
  | 'timelineEntry'
  | 'mailbox'
  | 'mailboxMessage'
  | 'automationRule';

/** Where new ids come from. Passed in, so scenarios and property tests are repeatable. */
export interface IdSource {
  next(kind: IdKind): number;
}

/** One counter per kind, each starting at 1. */
export function sequentialIds(): IdSource {
  const counters = new Map<IdKind, number>();
  return {
    next(kind) {
      const id = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, id);
      return id;
    },
  };
}

/** The CRM's notion of "now"; a scenario's virtual clock in practice. */
export type Clock = () => Date;
