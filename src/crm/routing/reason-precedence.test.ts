import { describe, expect, it } from 'vitest';
import type { InboundMailboxMessage } from '../index.ts';
import { inbound, world, type World } from '../testing.ts';
import { NOT_SAVED_PRECEDENCE } from './reason-precedence.ts';

/**
 * Each reason of the list, made true at the same time as the next one that can hold with it:
 * the CRM must give the earlier. A condition is a change to the world and to the message.
 */
type Condition = (w: World) => Partial<InboundMailboxMessage>;

const CONDITIONS: Partial<Record<(typeof NOT_SAVED_PRECEDENCE)[number], Condition>> = {
  'integration-off': (w) => (w.crm.updateMailboxSettings(w.anna.id, w.mailbox.id, { crmIntegration: false }), {}),
  'spam-folder': () => ({ folder: 'Spam' }),
  'trash-or-drafts': (w) => (w.crm.updateMailboxSettings(w.anna.id, w.mailbox.id, { trashFolder: 'Archive' }), { folder: 'Archive' }),
  // "Move spam to folder" on the Inbox, and the message in another synchronised folder (R1.3).
  'spam-moved-to-inbox': (w) => (w.crm.updateMailboxSettings(w.anna.id, w.mailbox.id, { spamFolder: 'INBOX' }), { folder: 'Orders' }),
  'outside-processing-period': () => ({ date: new Date('2026-02-01T08:00:00Z') }),
  'sender-is-employee': (w) => (w.crm.addEmployee({ name: 'Eve', email: 'jan@customer.test' }), {}),
  'on-exceptions-list': (w) => (w.crm.addToExceptions(w.admin.id, ['jan@customer.test']), {}),
  'new-sender-creation-off': (w) => (w.crm.updateMailboxSettings(w.anna.id, w.mailbox.id, { createForNewSender: 'off' }), {}),
};

/** Pairs of reasons that can hold for one message; the folder reasons exclude one another. */
const PAIRS = [
  ['integration-off', 'spam-folder'],
  ['integration-off', 'trash-or-drafts'],
  ['spam-folder', 'outside-processing-period'],
  ['trash-or-drafts', 'outside-processing-period'],
  ['integration-off', 'spam-moved-to-inbox'],
  ['spam-moved-to-inbox', 'outside-processing-period'],
  ['spam-moved-to-inbox', 'sender-is-employee'],
  ['outside-processing-period', 'sender-is-employee'],
  ['spam-folder', 'sender-is-employee'],
  ['sender-is-employee', 'on-exceptions-list'],
  ['on-exceptions-list', 'new-sender-creation-off'],
  ['integration-off', 'new-sender-creation-off'],
] as const;

function reasonWith(...reasons: ReadonlyArray<keyof typeof CONDITIONS>): string {
  const w = world();
  const overrides = Object.assign({}, ...reasons.map((r) => CONDITIONS[r]!(w))) as Partial<InboundMailboxMessage>;
  const outcome = w.crm.receiveMailboxMessage(w.mailbox.id, inbound(overrides));
  return outcome.saved ? 'saved' : outcome.reason;
}

describe('which "not saved" reason the CRM gives when several apply', () => {
  it.each(Object.keys(CONDITIONS) as Array<keyof typeof CONDITIONS>)('%s alone is that reason', (reason) => {
    expect(reasonWith(reason)).toBe(reason);
  });

  it.each(PAIRS)('%s wins over %s, as the list says', (first, second) => {
    expect(NOT_SAVED_PRECEDENCE.indexOf(first)).toBeLessThan(NOT_SAVED_PRECEDENCE.indexOf(second));
    expect(reasonWith(first, second)).toBe(first);
    expect(reasonWith(second, first)).toBe(first);
  });

  it('a message saved before is "already saved", whatever else holds now', () => {
    const w = world();
    const message = inbound();
    expect(w.crm.receiveMailboxMessage(w.mailbox.id, message).saved).toBe(true);
    w.crm.updateMailboxSettings(w.anna.id, w.mailbox.id, { crmIntegration: false });
    const again = w.crm.receiveMailboxMessage(w.mailbox.id, { ...message, uid: message.uid + 1000 });
    expect(again).toMatchObject({ saved: false, reason: 'already-saved' });
  });
});
