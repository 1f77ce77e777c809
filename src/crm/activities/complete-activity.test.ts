import { describe, expect, it } from 'vitest';
import { inbound, world } from '../testing.ts';
import { activityShownTime } from './email-activity.ts';

describe('completing an e-mail activity (R5.3)', () => {
  it('R5.3 a planned activity shows when it entered the CRM; once completed, when it was completed', () => {
    const { crm, boris, admin, mailbox, clock } = world();
    crm.assignRole(admin.id, boris.id, 'Administrator');
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound({ receivedAt: new Date('2026-03-02T08:56:00Z') }));
    if (!outcome.saved) throw new Error('not saved');
    expect(activityShownTime(outcome.activity)).toEqual(new Date('2026-03-02T09:00:00Z'));
    clock.advanceMinutes(90);
    const completed = crm.completeActivity(boris.id, outcome.activity.id);
    expect(completed).toMatchObject({ completed: true, completedAt: new Date('2026-03-02T10:30:00Z'), completedById: boris.id });
    expect(activityShownTime(completed)).toEqual(new Date('2026-03-02T10:30:00Z'));
    expect(completed.receivedAt).toEqual(new Date('2026-03-02T08:56:00Z'));
    expect(crm.timeline(completed.bindings[0]!)[0]?.at).toEqual(new Date('2026-03-02T09:00:00Z'));
  });

  it('R5.3 completing twice is refused and the completion time stays', () => {
    const { crm, anna, admin, mailbox, clock } = world();
    crm.assignRole(admin.id, anna.id, 'Manager');
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound({ seen: true }));
    if (!outcome.saved) throw new Error('not saved');
    clock.advanceMinutes(10);
    expect(() => crm.completeActivity(anna.id, outcome.activity.id)).toThrow(expect.objectContaining({ code: 'CRM.ACTIVITY_ALREADY_COMPLETED' }));
    expect(crm.emailActivity(outcome.activity.id).completedAt).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(() => crm.completeActivity(anna.id, 99)).toThrow(expect.objectContaining({ code: 'CRM.UNKNOWN_ACTIVITY' }));
  });
});
