import { describe, expect, it } from 'vitest';
import { inbound, world } from '../testing.ts';
import type { IntakeOutcome, SavedOutcome } from './outcome.ts';

function saved(outcome: IntakeOutcome): SavedOutcome {
  if (!outcome.saved) throw new Error(`Expected a saved e-mail, got "${outcome.reason}"`);
  return outcome;
}

/** A client with two open deals; the first e-mail went to the newer one. */
function thread() {
  const w = world();
  const contact = w.crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: w.boris.id });
  const printers = w.crm.addDeal({ title: 'Printers', contactIds: [contact.id], responsibleId: w.boris.id });
  const first = saved(w.crm.receiveMailboxMessage(w.mailbox.id, inbound({ messageId: '<q1@customer.test>' })));
  w.clock.advanceMinutes(5);
  const scanners = w.crm.addDeal({ title: 'Scanners', contactIds: [contact.id], responsibleId: w.anna.id });
  return { ...w, contact, printers, scanners, first };
}

describe('R2.8 replies to CRM mail', () => {
  it('R2.8 a reply naming a CRM e-mail in In-Reply-To goes to that e-mail\'s deal, not the most recent one', () => {
    const { crm, mailbox, printers, scanners, contact, first } = thread();
    const plain = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(plain.activity.bindings[0]).toEqual({ type: 'deal', id: scanners.id });
    const reply = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ inReplyTo: '<Q1@customer.test>' })));
    expect(reply.activity.bindings).toEqual([{ type: 'deal', id: printers.id }, { type: 'contact', id: contact.id }]);
    expect(reply.activity.parentId).toBe(first.activity.id);
    expect(reply.created).toEqual([]);
  });

  it('R2.8 References is enough, the most recent CRM e-mail named there wins', () => {
    const { crm, mailbox, printers, first } = thread();
    const reply = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ references: ['<unknown@x>', '<q1@customer.test>', '<other@x>'] })));
    expect(reply.activity.parentId).toBe(first.activity.id);
    expect(reply.activity.bindings[0]).toEqual({ type: 'deal', id: printers.id });
  });

  it('R2.8 whatever the other settings say: exceptions list, processing period, creation switch', () => {
    const { crm, anna, admin, mailbox, printers } = thread();
    crm.addToExceptions(admin.id, ['jan@customer.test']);
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'off' });
    const reply = crm.receiveMailboxMessage(mailbox.id, inbound({ inReplyTo: '<q1@customer.test>', date: new Date('2020-01-01T00:00:00Z') }));
    expect(saved(reply).activity.bindings[0]).toEqual({ type: 'deal', id: printers.id });
  });

  it('R2.8 a reply to a lead\'s e-mail from a new address still goes to that lead', () => {
    const { crm, mailbox } = world();
    const first = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ messageId: '<a@customer.test>' })));
    const reply = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ inReplyTo: '<a@customer.test>', from: [{ address: 'colleague@customer.test' }] })));
    expect(reply.activity.bindings).toEqual(first.activity.bindings);
    expect(crm.leads()).toHaveLength(1);
  });

  it('R2.8 the mailbox\'s folders still count: a reply in the spam folder is not saved automatically', () => {
    const { crm, mailbox } = thread();
    expect(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Spam', inReplyTo: '<q1@customer.test>' }))).toMatchObject({ saved: false, reason: 'spam-folder' });
  });

  it('R2.8 when that deal is closed the ordinary rules decide, and the reply stays in the thread', () => {
    const { crm, mailbox, printers, scanners, first } = thread();
    crm.setDealStage(printers.id, 'Deal lost');
    const reply = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ inReplyTo: '<q1@customer.test>' })));
    expect(reply.activity.bindings[0]).toEqual({ type: 'deal', id: scanners.id });
    expect(reply.activity.parentId).toBe(first.activity.id);
  });

  it('R9.1 a reply that arrived before its parent joins the thread once the parent is saved', () => {
    const { crm, mailbox } = world();
    const early = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ inReplyTo: '<late@customer.test>' })));
    expect(early.activity.parentId).toBeUndefined();
    const parent = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ messageId: '<late@customer.test>' })));
    expect(crm.emailActivity(early.activity.id).parentId).toBe(parent.activity.id);
  });

  it('R1.5 a message already saved through another connected mailbox is not saved twice', () => {
    const { crm, anna, mailbox } = world();
    const other = crm.connectMailbox({ address: 'info@acme.test', connectorId: anna.id });
    const message = inbound({ messageId: '<both@customer.test>' });
    saved(crm.receiveMailboxMessage(mailbox.id, message));
    expect(crm.receiveMailboxMessage(other.id, { ...message, uid: 1 })).toMatchObject({ saved: false, reason: 'already-saved' });
    expect(crm.emailActivities()).toHaveLength(1);
  });
});
