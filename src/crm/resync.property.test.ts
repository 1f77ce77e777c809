import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InboundMailboxMessage } from './mailboxes/mailbox-message.ts';
import { inbound, world } from './testing.ts';

/**
 * R1.5 as a property: whatever the connector hands over again — the same folder re-read, a
 * folder renumbered under a new UIDVALIDITY with its UIDs in another order, integration switched
 * off and on, "Save to CRM" pressed — no message ever becomes a second activity or a second
 * entry in the mailbox's list.
 */

interface Mail {
  readonly folder: 'INBOX' | 'Archive';
  readonly withMessageId: boolean;
  readonly sender: number;
}

type Event =
  | { readonly kind: 'resync' }
  | { readonly kind: 'renumber'; readonly folder: 'INBOX' | 'Archive'; readonly order: readonly number[] }
  | { readonly kind: 'integration'; readonly on: boolean }
  | { readonly kind: 'save'; readonly index: number };

const mailArb: fc.Arbitrary<Mail> = fc.record({ folder: fc.constantFrom('INBOX' as const, 'Archive' as const), withMessageId: fc.boolean(), sender: fc.nat(2) });
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.constant({ kind: 'resync' as const }),
  fc.record({ kind: fc.constant('renumber' as const), folder: fc.constantFrom('INBOX' as const, 'Archive' as const), order: fc.array(fc.nat(), { maxLength: 10 }) }),
  fc.record({ kind: fc.constant('integration' as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant('save' as const), index: fc.nat() }),
);

describe('re-syncing (R1.5)', () => {
  it('R1.5 re-syncing, renumbering and manual saves never make a second activity or list entry', () => {
    fc.assert(
      fc.property(fc.array(mailArb, { minLength: 1, maxLength: 8 }), fc.array(eventArb, { maxLength: 12 }), (mails, events) => {
        const { crm, anna, mailbox } = world();
        const uidValidity = { INBOX: 1, Archive: 1 };
        // Each mail's current UID in its folder; messages keep their content when renumbered.
        const uids = mails.map((_, i) => i + 1);
        const content = mails.map((m, i) =>
          inbound({
            folder: m.folder,
            subject: `Mail ${i}`,
            receivedAt: new Date(Date.UTC(2026, 2, 2, 8, i)),
            from: [{ address: `sender${m.sender}@customer.test` }],
            ...(m.withMessageId ? { messageId: `<mail${i}@customer.test>` } : { messageId: undefined }),
          }),
        );
        const at = (i: number): InboundMailboxMessage => ({ ...content[i]!, uidValidity: uidValidity[mails[i]!.folder], uid: uids[i]! });
        const handAll = (folder?: string) => mails.forEach((m, i) => (folder === undefined || m.folder === folder) && crm.receiveMailboxMessage(mailbox.id, at(i)));

        const check = () => {
          const activities = crm.emailActivities();
          expect(new Set(activities.map((a) => a.subject)).size).toBe(activities.length);
          expect(crm.mailboxMessages(mailbox.id)).toHaveLength(mails.length);
        };
        handAll();
        check();
        for (const event of events) {
          if (event.kind === 'resync') handAll();
          if (event.kind === 'integration') crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: event.on });
          if (event.kind === 'save') crm.saveToCrm(anna.id, crm.mailboxMessages(mailbox.id)[event.index % mails.length]!.id);
          if (event.kind === 'renumber') {
            uidValidity[event.folder]++;
            const inFolder = mails.flatMap((m, i) => (m.folder === event.folder ? [i] : []));
            // A new order of the folder's messages, so UIDs move between them too.
            const shuffled = [...inFolder].sort((a, b) => (event.order[a] ?? a) - (event.order[b] ?? b) || a - b);
            shuffled.forEach((mail, position) => (uids[mail] = position + 1));
            handAll(event.folder);
          }
          check();
        }
      }),
      { numRuns: 300 },
    );
  });
});
