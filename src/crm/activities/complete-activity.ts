import { CrmError } from '../errors.ts';
import type { Clock } from '../ids.ts';
import type { ActivityStore } from './activity-store.ts';
import type { EmailActivity } from './email-activity.ts';

/**
 * "Complete" on a planned e-mail activity: from now on it shows the time it was completed
 * instead of the time it entered the CRM (R5.3). Replying does not do this (R8.6); completing
 * twice is refused, so the completion time a user saw never moves (CRM.ACTIVITY_ALREADY_COMPLETED).
 */
export function completeActivity(activities: ActivityStore, clock: Clock, activityId: number, completedById: number): EmailActivity {
  const activity = activities.get(activityId);
  if (activity.completed) {
    throw new CrmError('CRM.ACTIVITY_ALREADY_COMPLETED', `The e-mail activity "${activity.subject}" is already completed.`);
  }
  return activities.update(activityId, { completed: true, completedAt: clock(), completedById });
}
