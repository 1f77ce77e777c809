import { describe, expect, it } from 'vitest';
import type { IntakeOutcome, NotSavedOutcome, SavedOutcome } from './outcome.ts';
import { inbound, world } from '../testing.ts';

function saved(outcome: IntakeOutcome): SavedOutcome {
  if (!outcome.saved) throw new Error(`Expected a saved e-mail, got "${outcome.reason}"`);
  return outcome;
}

function notSaved(outcome: IntakeOutcome): NotSavedOutcome {
  if (outcome.saved) throw new Error(`Expected nothing saved, got activity ${outcome.activity.id}`);
  return outcome;
}

describe('automatic saving gates (R1)', () => {
  it('R1.1: with "Integration with CRM" off nothing is saved automatically, but the message is listed', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const outcome = notSaved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.reason).toBe('integration-off');
    expect(crm.emailActivities()).toHaveLength(0);
    expect(crm.leads()).toHaveLength(0);
    expect(crm.mailboxMessages(mailbox.id)).toHaveLength(1);
  });

  it('R1.2: a message in the spam folder is not saved automatically', () => {
    const { crm, mailbox } = world();
    expect(crm.mailboxById(mailbox.id).settings.spamFolder).toBe('Spam');
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Spam' }))).reason).toBe('spam-folder');
    expect(crm.leads()).toHaveLength(0);
  });

  it('R1.2: messages in Trash and Drafts are not saved automatically', () => {
    const { crm, mailbox } = world();
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Trash' }))).reason).toBe('trash-or-drafts');
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Drafts' }))).reason).toBe('trash-or-drafts');
    expect(crm.emailActivities()).toHaveLength(0);
  });

  it('R1.3: spam folder = INBOX blocks automatic saving, manual save still works', () => {
    const { crm, anna, boris, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'Inbox' });
    expect(crm.mailboxById(mailbox.id).settings.spamFolder).toBe('INBOX');
    const automatic = notSaved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(automatic.reason).toBe('spam-folder');

    const manual = saved(crm.saveToCrm(boris.id, automatic.mailboxMessage.id));
    expect(manual.created).toEqual([{ type: 'lead', id: 1 }]);
    expect(manual.activity.savedById).toBe(boris.id);
  });

  it('R1.3: with spam moved to Inbox, incoming mail in other synchronised folders is not saved either; sent mail still is', () => {
    // Reference §1.1 rule 3 [D]: "If Move spam to folder = Inbox, no incoming mail is auto-saved".
    const { crm, anna, mailbox } = world();
    const before = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Archive', uid: 1 })));
    crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'INBOX' });
    const after = notSaved(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Archive', uid: 2, messageId: '<2@customer.test>', subject: 'Second order' })));
    expect(after.reason).toBe('spam-moved-to-inbox');
    const sent = crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Sent', uid: 3, messageId: '<3@acme.test>', from: [{ address: 'sales@acme.test' }], to: [{ address: 'jan@customer.test' }] }));
    expect(sent.saved).toBe(true);
    expect(crm.emailActivities().map((a) => a.id)).toEqual([before.activity.id, sent.saved ? sent.activity.id : -1]);
  });

  it('R1.3: choosing Spam as the spam folder makes later inbox messages save again', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'INBOX' });
    const before = crm.receiveMailboxMessage(mailbox.id, inbound({ subject: 'Before the fix' }));
    crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'Spam' });
    const after = crm.receiveMailboxMessage(mailbox.id, inbound({ subject: 'After the fix' }));
    expect(before.saved).toBe(false);
    expect(saved(after).activity.subject).toBe('After the fix');
    expect(crm.emailActivities().map((a) => a.subject)).toEqual(['After the fix']);
  });

  it('R1.3: with spam folder = INBOX a message in the old Spam folder is incoming mail too, and is not saved', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { spamFolder: 'INBOX' });
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Spam' }))).reason).toBe('spam-moved-to-inbox');
  });
});

describe('each message at most once (R1.5)', () => {
  it('R1.5: the same folder, UIDVALIDITY and UID handed over again is a duplicate and adds nothing', () => {
    const { crm, mailbox } = world();
    const message = inbound();
    const first = saved(crm.receiveMailboxMessage(mailbox.id, message));
    const again = notSaved(crm.receiveMailboxMessage(mailbox.id, { ...message }));
    expect(again.reason).toBe('duplicate');
    expect(again.mailboxMessage.id).toBe(first.mailboxMessage.id);
    expect(again.activity?.id).toBe(first.activity.id);
    expect(crm.mailboxMessages(mailbox.id)).toHaveLength(1);
    expect(crm.emailActivities()).toHaveLength(1);
    expect(crm.leads()).toHaveLength(1);
  });

  it('R1.5: the same message found again under a new UIDVALIDITY is the same Webmail entry, at its new place', () => {
    const { crm, mailbox } = world();
    const message = inbound();
    const first = saved(crm.receiveMailboxMessage(mailbox.id, message));
    const resynced = notSaved(crm.receiveMailboxMessage(mailbox.id, { ...message, uidValidity: 2, uid: 1 }));
    expect(resynced.reason).toBe('duplicate');
    expect(resynced.activity?.id).toBe(first.activity.id);
    expect(crm.mailboxMessages(mailbox.id)).toEqual([expect.objectContaining({ id: first.mailboxMessage.id, uidValidity: 2, uid: 1 })]);
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, { ...message, uidValidity: 2, uid: 1 })).reason).toBe('duplicate');
    expect(crm.emailActivities()).toHaveLength(1);
  });

  it('R1.5: without a Message-ID, arrival time, sender and subject recognise it under a new UIDVALIDITY', () => {
    const { crm, mailbox } = world();
    const message = inbound({ messageId: undefined });
    saved(crm.receiveMailboxMessage(mailbox.id, message));
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, { ...message, uidValidity: 7, uid: 1 })).reason).toBe('duplicate');
    expect(crm.receiveMailboxMessage(mailbox.id, { ...message, uidValidity: 7, uid: 2, subject: 'Another' }).saved).toBe(true);
    expect(crm.emailActivities()).toHaveLength(2);
  });

  it('R1.5: the same Message-ID twice in one folder under one UIDVALIDITY is two list entries, one activity', () => {
    const { crm, mailbox } = world();
    const message = inbound();
    saved(crm.receiveMailboxMessage(mailbox.id, message));
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, { ...message, uid: message.uid + 1000 })).reason).toBe('already-saved');
    expect(crm.mailboxMessages(mailbox.id)).toHaveLength(2);
  });

  it('R1.5: messages without a Message-ID are told apart by their UID', () => {
    const { crm, mailbox } = world();
    const a = inbound({ messageId: undefined });
    const b = inbound({ messageId: undefined });
    expect(crm.receiveMailboxMessage(mailbox.id, a).saved).toBe(true);
    expect(crm.receiveMailboxMessage(mailbox.id, b).saved).toBe(true);
    expect(crm.emailActivities()).toHaveLength(2);
  });

  it('R1.5: INBOX is the same folder whatever its case', () => {
    const { crm, mailbox } = world();
    const message = inbound();
    crm.receiveMailboxMessage(mailbox.id, message);
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, { ...message, folder: 'inbox' })).reason).toBe('duplicate');
  });
});

describe('unknown sender (R2.7)', () => {
  it('R2.7: creates an "Unassigned" lead named after the sender, with the address as WORK e-mail and source "E-Mail"', () => {
    const { crm, anna, mailbox, clock } = world();
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    const [lead] = crm.leads();
    expect(lead).toMatchObject({
      id: 1,
      title: 'Price list, please',
      name: 'Jan Kowalski',
      status: 'Unassigned',
      source: 'E-Mail',
      emails: [{ value: 'jan@customer.test', type: 'WORK' }],
      responsibleId: anna.id,
      availableToEveryone: true,
      createdAt: clock.now(),
    });
    expect(outcome.created).toEqual([{ type: 'lead', id: 1 }]);
    expect(outcome.activity.bindings).toEqual([{ type: 'lead', id: 1 }]);
  });

  it('R2.7: without a subject the lead is titled after the sender; without a display name it is named by address', () => {
    const { crm, mailbox } = world();
    crm.receiveMailboxMessage(mailbox.id, inbound({ subject: '  ', from: [{ address: 'ola@customer.test' }] }));
    expect(crm.leads()[0]).toMatchObject({ title: "Lead from ola@customer.test's message", name: 'ola@customer.test' });
    expect(crm.emailActivities()[0]?.subject).toBe('(no subject)');
  });

  it('R2.7: the lead takes the mailbox lead source', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { leadSource: 'Website' });
    crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(crm.leads()[0]?.source).toBe('Website');
  });

  it('R2.7: with "Contact" a contact is created instead of a lead', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'contact' });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(crm.leads()).toHaveLength(0);
    expect(crm.contacts()[0]).toMatchObject({ name: 'Jan Kowalski', emails: [{ value: 'jan@customer.test', type: 'WORK' }] });
    expect(outcome.created).toEqual([{ type: 'contact', id: 1 }]);
  });

  it('R2.7: with creation off nothing is created and the e-mail is not saved', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'off' });
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, inbound())).reason).toBe('new-sender-creation-off');
    expect(crm.leads()).toHaveLength(0);
    expect(crm.contacts()).toHaveLength(0);
    expect(crm.emailActivities()).toHaveLength(0);
  });

  it('R2.7: the sender is Reply-To before From', () => {
    const { crm, mailbox } = world();
    crm.receiveMailboxMessage(
      mailbox.id,
      inbound({ from: [{ address: 'noreply@shop.test' }], replyTo: [{ name: 'Ewa', address: 'ewa@customer.test' }] }),
    );
    expect(crm.leads()[0]).toMatchObject({
      name: 'Ewa',
      emails: [
        { value: 'ewa@customer.test', type: 'WORK' },
        { value: 'noreply@shop.test', type: 'WORK' },
      ],
    });
  });

  it('a message naming no sender is not saved', () => {
    const { crm, mailbox } = world();
    expect(notSaved(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [] }))).reason).toBe('no-sender');
  });
});

describe('known senders are bound, not duplicated (R2.1, R2.2)', () => {
  it('R2.2: a known in-progress lead gets the e-mail and no new lead is made', () => {
    const { crm, boris, mailbox } = world();
    const lead = crm.addLead({ title: 'Old enquiry', emails: ['jan@customer.test'], responsibleId: boris.id, status: 'In progress' });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.created).toEqual([]);
    expect(outcome.activity.bindings).toEqual([{ type: 'lead', id: lead.id }]);
    expect(crm.leads()).toHaveLength(1);
  });

  it('R2.2: a closed lead is no match, so a new lead is made', () => {
    const { crm, boris, mailbox } = world();
    crm.addLead({ title: 'Lost', emails: ['jan@customer.test'], responsibleId: boris.id, status: 'Junk lead' });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).created).toEqual([{ type: 'lead', id: 2 }]);
  });

  it('R2.2, R8.3: matching ignores case and surrounding white space, nothing else', () => {
    const { crm, boris, mailbox } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['  JAN@Customer.TEST '], responsibleId: boris.id });
    crm.addDeal({ title: 'Open', contactIds: [contact.id], responsibleId: boris.id });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).created).toEqual([]);
    const other = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'j.an@customer.test' }] })));
    expect(other.created).toEqual([{ type: 'lead', id: 1 }]);
  });

  it('R2.1: a known contact with an active deal: bound to the deal (owner) and the contact, nothing created', () => {
    const { crm, anna, boris, mailbox } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const deal = crm.addDeal({ title: 'Printers', contactIds: [contact.id], responsibleId: boris.id, stage: 'Invoice' });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.created).toEqual([]);
    expect(outcome.activity.bindings).toEqual([
      { type: 'deal', id: deal.id },
      { type: 'contact', id: contact.id },
    ]);
    expect(outcome.activity.responsibleId).toBe(boris.id);
  });

  it('R2.1: of several active deals the most recently changed one is chosen; closed deals never', () => {
    const { crm, anna, mailbox, clock } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const older = crm.addDeal({ title: 'Older', contactIds: [contact.id], responsibleId: anna.id });
    clock.advanceMinutes(5);
    const newer = crm.addDeal({ title: 'Newer', contactIds: [contact.id], responsibleId: anna.id });
    clock.advanceMinutes(5);
    crm.addDeal({ title: 'Won', contactIds: [contact.id], responsibleId: anna.id, stage: 'Deal won' });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).activity.bindings[0]).toEqual({ type: 'deal', id: newer.id });
    clock.advanceMinutes(5);
    crm.setDealStage(older.id, 'Create papers');
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).activity.bindings[0]).toEqual({ type: 'deal', id: older.id });
  });

  it('R2.5: a known contact without an active deal gets the e-mail alone when repeat sales and legacy mode are off', () => {
    const { crm, anna, admin, mailbox } = world();
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false });
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    crm.addDeal({ title: 'Lost', contactIds: [contact.id], responsibleId: anna.id, stage: 'Deal lost' });
    const outcome = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    expect(outcome.activity.bindings).toEqual([{ type: 'contact', id: contact.id }]);
  });

  it('R2.2: a contact outranks an in-progress lead with the same address (leads are searched only without a client)', () => {
    const { crm, anna, admin, mailbox } = world();
    crm.updateCrmSettings(admin.id, { repeatSalesMode: false });
    crm.addLead({ title: 'Enquiry', emails: ['jan@customer.test'], responsibleId: anna.id });
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).activity.bindings).toEqual([{ type: 'contact', id: contact.id }]);
  });

  it('the creation switch applies only to new senders: a known lead still gets the e-mail when it is off', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'off' });
    crm.addLead({ title: 'Enquiry', emails: ['jan@customer.test'], responsibleId: anna.id });
    expect(crm.receiveMailboxMessage(mailbox.id, inbound()).saved).toBe(true);
  });
});

describe('manual "Save to CRM" (R3)', () => {
  it('R3.1: an employee with mailbox access saves a message while integration is off', () => {
    const { crm, anna, boris, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    const outcome = saved(crm.saveToCrm(boris.id, listed.id));
    expect(outcome.activity.mailboxMessageId).toBe(listed.id);
    expect(crm.activityOfMailboxMessage(listed.id)?.id).toBe(outcome.activity.id);
  });

  it('R3.1: an employee without mailbox access is refused with CRM.MAILBOX_ACCESS_DENIED, even an administrator', () => {
    const { crm, anna, clara, admin, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    expect(() => crm.saveToCrm(clara.id, listed.id)).toThrow(expect.objectContaining({ code: 'CRM.MAILBOX_ACCESS_DENIED' }));
    expect(() => crm.saveToCrm(admin.id, listed.id)).toThrow(expect.objectContaining({ code: 'CRM.MAILBOX_ACCESS_DENIED' }));
    expect(crm.emailActivities()).toHaveLength(0);
  });

  it('R3.1: access granted by the connector opens "Save to CRM"', () => {
    const { crm, anna, clara, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    crm.grantMailboxAccess(anna.id, mailbox.id, clara.id);
    expect(crm.saveToCrm(clara.id, listed.id).saved).toBe(true);
  });

  it('R3.1: an unknown message is refused with CRM.UNKNOWN_MAILBOX_MESSAGE', () => {
    const { crm, anna } = world();
    expect(() => crm.saveToCrm(anna.id, 99)).toThrow(expect.objectContaining({ code: 'CRM.UNKNOWN_MAILBOX_MESSAGE' }));
  });

  it('R3.2: a manual save ignores the spam folder, Trash and the creation switch, and still creates a lead', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'off' });
    const spam = crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Spam' })).mailboxMessage;
    const trash = crm.receiveMailboxMessage(mailbox.id, inbound({ folder: 'Trash', from: [{ address: 'x@other.test' }] })).mailboxMessage;
    expect(saved(crm.saveToCrm(anna.id, spam.id)).created).toEqual([{ type: 'lead', id: 1 }]);
    expect(saved(crm.saveToCrm(anna.id, trash.id)).created).toEqual([{ type: 'lead', id: 2 }]);
  });

  it('R3.2: a manual save binds a known sender by the same rules as the sync', () => {
    const { crm, anna, boris, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const lead = crm.addLead({ title: 'Enquiry', emails: ['jan@customer.test'], responsibleId: boris.id });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    const outcome = saved(crm.saveToCrm(anna.id, listed.id));
    expect(outcome.activity.bindings).toEqual([{ type: 'lead', id: lead.id }]);
    expect(outcome.created).toEqual([]);
  });

  it('R3.2: with "Contact" chosen a manual save of a new sender creates a contact', () => {
    const { crm, anna, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { createForNewSender: 'contact', crmIntegration: false });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    expect(saved(crm.saveToCrm(anna.id, listed.id)).created).toEqual([{ type: 'contact', id: 1 }]);
  });

  // Q11 (reference §1.11 rule 60): the item cannot be chosen; the rules, the mailbox settings and the automation decide.
  it('R2.9: naming an item for "Save to CRM" is refused and nothing is saved', () => {
    const { crm, anna, boris, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const deal = crm.addDeal({ title: 'Printers', responsibleId: boris.id });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    expect(() => crm.saveToCrm(anna.id, listed.id, { type: 'deal', id: deal.id })).toThrow(expect.objectContaining({ code: 'CRM.SAVE_ITEM_NOT_CHOOSABLE' }));
    expect(crm.emailActivities()).toEqual([]);
    expect(crm.leads()).toEqual([]);
  });

  it('R2.9: an automation rule that closes the deal sends the next manually saved e-mail to the client\'s other deal', () => {
    const { crm, anna, boris, admin, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const jan = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const printers = crm.addDeal({ title: 'Printers', contactIds: [jan.id], responsibleId: boris.id });
    const scanners = crm.addDeal({ title: 'Scanners', contactIds: [jan.id], responsibleId: anna.id });
    crm.addAutomationRule(admin.id, { name: 'Close on mail', when: { itemType: 'deal', stage: 'New' }, action: { kind: 'change-stage', stage: 'Deal won' } });
    const first = crm.receiveMailboxMessage(mailbox.id, inbound({ uid: 1 })).mailboxMessage;
    const second = crm.receiveMailboxMessage(mailbox.id, inbound({ uid: 2, messageId: '<second@customer.test>', subject: 'Second' })).mailboxMessage;
    expect(saved(crm.saveToCrm(anna.id, first.id)).activity.bindings[0]).toEqual({ type: 'deal', id: scanners.id });
    expect(crm.deal(scanners.id).stage).toBe('Deal won');
    expect(saved(crm.saveToCrm(anna.id, second.id)).activity.bindings[0]).toEqual({ type: 'deal', id: printers.id });
  });

  it('R3.3: saving a message that is already in the CRM does not save it twice', () => {
    const { crm, boris, mailbox } = world();
    const first = saved(crm.receiveMailboxMessage(mailbox.id, inbound()));
    const again = notSaved(crm.saveToCrm(boris.id, first.mailboxMessage.id));
    expect(again.reason).toBe('already-saved');
    expect(again.activity?.id).toBe(first.activity.id);
    expect(notSaved(crm.saveToCrm(boris.id, first.mailboxMessage.id)).reason).toBe('already-saved');
    expect(crm.emailActivities()).toHaveLength(1);
    expect(crm.leads()).toHaveLength(1);
  });
});

describe('responsibility and the system entry (R4)', () => {
  it('R4.1: the activity responsible is the responsible of the item it is saved to', () => {
    const { crm, boris, mailbox } = world();
    crm.addLead({ title: 'Enquiry', emails: ['jan@customer.test'], responsibleId: boris.id });
    expect(saved(crm.receiveMailboxMessage(mailbox.id, inbound())).activity.responsibleId).toBe(boris.id);
  });

  it('R4.2: a planned activity and a "New e-mail" entry authored by the connector, whoever saved it', () => {
    const { crm, anna, boris, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const listed = crm.receiveMailboxMessage(mailbox.id, inbound()).mailboxMessage;
    const { activity } = saved(crm.saveToCrm(boris.id, listed.id));
    expect(activity).toMatchObject({ completed: false, authorId: anna.id, direction: 'incoming' });
    expect(activity.completedAt).toBeUndefined();
    const entries = crm.timeline({ type: 'lead', id: 1 });
    expect(entries.map((e) => e.kind)).toEqual(['activity', 'system']);
    expect(entries[1]).toMatchObject({ kind: 'system', title: 'New e-mail', authorId: anna.id, activityId: activity.id });
  });

  it('R4.2: every bound item shows the e-mail on its timeline', () => {
    const { crm, anna, mailbox } = world();
    const contact = crm.addContact({ name: 'Jan', emails: ['jan@customer.test'], responsibleId: anna.id });
    const deal = crm.addDeal({ title: 'Printers', contactIds: [contact.id], responsibleId: anna.id });
    crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(crm.timeline({ type: 'deal', id: deal.id })).toHaveLength(2);
    expect(crm.timeline({ type: 'contact', id: contact.id })).toHaveLength(2);
  });

  it('R4.4: new leads go round-robin through the queue, skipping inactive employees', () => {
    const { crm, anna, boris, clara, mailbox } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { responsibleQueue: [anna.id, boris.id, clara.id] });
    crm.setEmployeeActive(boris.id, false);
    for (const n of [1, 2, 3, 4]) crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: `c${n}@customer.test` }] }));
    expect(crm.leads().map((l) => l.responsibleId)).toEqual([anna.id, clara.id, anna.id, clara.id]);
    expect(crm.emailActivities().map((a) => a.responsibleId)).toEqual([anna.id, clara.id, anna.id, clara.id]);
  });

  it('R4.4: the default queue is the connector; binding a known item does not use up a turn', () => {
    const { crm, anna, boris, mailbox } = world();
    expect(crm.mailboxById(mailbox.id).settings.responsibleQueue).toEqual([anna.id]);
    crm.updateMailboxSettings(anna.id, mailbox.id, { responsibleQueue: [anna.id, boris.id] });
    crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'a@customer.test' }] }));
    crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'a@customer.test' }] }));
    crm.receiveMailboxMessage(mailbox.id, inbound({ from: [{ address: 'b@customer.test' }] }));
    expect(crm.leads().map((l) => l.responsibleId)).toEqual([anna.id, boris.id]);
  });

  it('R4.4: with nobody active in the queue the first active administrator stands in', () => {
    const { crm, anna, admin, mailbox } = world();
    crm.setEmployeeActive(anna.id, false);
    crm.receiveMailboxMessage(mailbox.id, inbound());
    expect(crm.leads()[0]?.responsibleId).toBe(admin.id);
  });
});

describe('times (R5)', () => {
  it('R5.1, R5.2: received is the INTERNALDATE, entered CRM is the clock at saving', () => {
    const { crm, anna, mailbox, clock } = world();
    crm.updateMailboxSettings(anna.id, mailbox.id, { crmIntegration: false });
    const message = inbound({ receivedAt: new Date('2026-03-02T08:56:00Z'), date: new Date('2026-03-02T08:50:00Z') });
    const listed = crm.receiveMailboxMessage(mailbox.id, message).mailboxMessage;
    clock.advanceMinutes(60);
    const { activity } = saved(crm.saveToCrm(anna.id, listed.id));
    expect(activity.receivedAt).toEqual(new Date('2026-03-02T08:56:00Z'));
    expect(activity.sentAt).toEqual(new Date('2026-03-02T08:50:00Z'));
    expect(activity.createdAt).toEqual(new Date('2026-03-02T10:00:00Z'));
    expect(crm.timeline(activity.bindings[0]!)[0]?.at).toEqual(activity.createdAt);
  });

  it('R5.4: an already read message is saved as a completed activity, an unread one as planned', () => {
    const { crm, mailbox, clock } = world();
    const read = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ seen: true }))).activity;
    const unread = saved(crm.receiveMailboxMessage(mailbox.id, inbound({ seen: false }))).activity;
    expect(read).toMatchObject({ completed: true, completedAt: clock.now() });
    expect(unread.completed).toBe(false);
  });
});

describe('mailbox lookup', () => {
  it('finds a mailbox by address whatever its case, else CRM.UNKNOWN_MAILBOX', () => {
    const { crm, mailbox } = world();
    expect(crm.mailbox(' Sales@ACME.test').id).toBe(mailbox.id);
    expect(() => crm.mailbox('nobody@acme.test')).toThrow(expect.objectContaining({ code: 'CRM.UNKNOWN_MAILBOX' }));
  });
});
