import { describe, expect, it } from 'vitest';
import { isCrmError } from '../errors.ts';
import { inbound, world } from '../testing.ts';
import type { IntakeOutcome } from './outcome.ts';

const reasonOf = (outcome: IntakeOutcome) => (outcome.saved ? 'saved' : outcome.reason);

function refusalCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isCrmError(error)) return error.code;
    throw error;
  }
  throw new Error('Expected a refusal');
}

const unparsable = { subject: 'Huge header', from: [], text: undefined, size: 1_300_000, readingProblems: [{ code: 'unparsable', detail: 'Max header size for a MIME node exceeded' }] } as const;

describe('malformed mail in the CRM: listed, explained, never lost', () => {
  it('a message that could not be read is listed with its size and "unreadable-message", and the next one is saved', () => {
    const { crm, mailbox } = world();
    const { text: _text, ...bad } = inbound(unparsable);
    expect(reasonOf(crm.receiveMailboxMessage(mailbox.id, bad))).toBe('unreadable-message');
    expect(reasonOf(crm.receiveMailboxMessage(mailbox.id, inbound({ subject: 'After it' })))).toBe('saved');
    const [listed] = crm.mailboxMessages(mailbox.id);
    const status = crm.mailboxMessageStatus(listed!.id);
    expect(status).toMatchObject({ inCrm: false, notSavedReason: 'unreadable-message', size: 1_300_000 });
    expect(status.explanation).toMatch(/could not be read/);
    expect(status.readingNotes).toEqual([
      'The message could not be read at all; only its size and the header fields it starts with are shown. (Max header size for a MIME node exceeded)',
    ]);
  });

  it('R3: "Save to CRM" on an unreadable message is refused with CRM.SAVE_UNREADABLE_MESSAGE, and nothing changes', () => {
    const { crm, mailbox, boris } = world();
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound(unparsable));
    expect(refusalCode(() => crm.saveToCrm(boris.id, outcome.mailboxMessage.id))).toBe('CRM.SAVE_UNREADABLE_MESSAGE');
    expect(crm.emailActivities()).toEqual([]);
    expect(crm.leads()).toEqual([]);
  });

  it('no From: "no-sender"; an unparsable From: "unreadable-sender"; by hand both are CRM.SAVE_NO_SENDER_ADDRESS', () => {
    const { crm, mailbox, boris } = world();
    const none = crm.receiveMailboxMessage(mailbox.id, inbound({ subject: 'Nobody', from: [] }));
    const odd = crm.receiveMailboxMessage(mailbox.id, inbound({ subject: 'Odd', from: [], readingProblems: [{ code: 'sender-unreadable', detail: '<<<@@@>>>' }] }));
    expect([reasonOf(none), reasonOf(odd)]).toEqual(['no-sender', 'unreadable-sender']);
    expect(crm.mailboxMessageStatus(odd.mailboxMessage.id).readingNotes).toEqual(['The From field holds no e-mail address that can be read. (<<<@@@>>>)']);
    expect(refusalCode(() => crm.saveToCrm(boris.id, none.mailboxMessage.id))).toBe('CRM.SAVE_NO_SENDER_ADDRESS');
    expect(refusalCode(() => crm.saveToCrm(boris.id, odd.mailboxMessage.id))).toBe('CRM.SAVE_NO_SENDER_ADDRESS');
    expect(crm.mailboxMessageStatus(odd.mailboxMessage.id).notSavedReason).toBe('unreadable-sender');
  });

  it('an unparsable From with a readable Reply-To is saved by the Reply-To (faq-rules §2)', () => {
    const { crm, mailbox } = world();
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound({ from: [], replyTo: [{ address: 'orders@customer.test' }], readingProblems: [{ code: 'sender-unreadable' }] }));
    expect(reasonOf(outcome)).toBe('saved');
    expect(crm.mailboxMessageStatus(outcome.mailboxMessage.id)).toMatchObject({ inCrm: true, readingNotes: ['The From field holds no e-mail address that can be read.'] });
  });

  it('R1.5: without a Message-ID the raw digest recognises the same message in another folder and after a UIDVALIDITY change', () => {
    const { crm, mailbox } = world();
    const same = { messageId: undefined, contentDigest: 'd1', readingProblems: [{ code: 'no-message-id' }] } as const;
    const first = crm.receiveMailboxMessage(mailbox.id, inbound({ ...same, uid: 7 }));
    expect(reasonOf(first)).toBe('saved');
    expect(reasonOf(crm.receiveMailboxMessage(mailbox.id, inbound({ ...same, uid: 7 })))).toBe('duplicate');
    expect(reasonOf(crm.receiveMailboxMessage(mailbox.id, inbound({ ...same, uid: 7, uidValidity: 2 })))).toBe('duplicate');
    expect(reasonOf(crm.receiveMailboxMessage(mailbox.id, inbound({ ...same, folder: 'Archive', uid: 1 })))).toBe('already-saved');
    expect(crm.emailActivities()).toHaveLength(1);
    expect(crm.mailboxMessages(mailbox.id).filter((m) => m.folder === 'INBOX')).toHaveLength(1);
    // Different bytes without a Message-ID are a different e-mail, even with the same subject and sender.
    expect(reasonOf(crm.receiveMailboxMessage(mailbox.id, inbound({ ...same, contentDigest: 'd2', uid: 8 })))).toBe('saved');
  });

  it('R5.1: without a readable Date the list shows when the server received it; the activity has no sent time', () => {
    const { crm, mailbox } = world();
    const receivedAt = new Date('2026-03-02T08:56:00Z');
    const outcome = crm.receiveMailboxMessage(mailbox.id, inbound({ date: undefined, receivedAt, readingProblems: [{ code: 'date-unreadable', detail: 'yesterday-ish' }] }));
    expect(crm.mailboxMessageStatus(outcome.mailboxMessage.id).shownDate).toEqual(receivedAt);
    expect(outcome.saved && outcome.activity).toMatchObject({ receivedAt });
    expect(outcome.saved && outcome.activity.sentAt).toBeUndefined();
  });

  it('a duplicate hand-over keeps the reason the message was first not saved', () => {
    const { crm, mailbox } = world();
    const message = inbound({ from: [] });
    const first = crm.receiveMailboxMessage(mailbox.id, message);
    crm.receiveMailboxMessage(mailbox.id, message);
    expect(crm.mailboxMessageStatus(first.mailboxMessage.id)).toMatchObject({ inCrm: false, notSavedReason: 'no-sender' });
  });
});
