import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { manualClock, STANDARD_FOLDERS } from '../testing.ts';
import type { RecipientChoice } from './recipient-choice.ts';

const refused = (code: string) => expect.objectContaining({ code });

/** Anna sells; "Shop" has Jan as client; "Empty" has no client; Ola is in the CRM but on no deal. */
function crmWithDeals() {
  const clock = manualClock();
  const crm = new Crm({ clock: clock.now });
  const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
  const anna = crm.addEmployee({ name: 'Anna Nowak' });
  const boris = crm.addEmployee({ name: 'Boris' });
  crm.assignRole(admin.id, anna.id, 'Manager');
  crm.assignRole(admin.id, boris.id, 'Manager');
  const mailbox = crm.connectMailbox({ address: 'sales@acme.test', connectorId: anna.id, accessList: [boris.id] });
  crm.registerMailboxFolders(mailbox.id, STANDARD_FOLDERS);
  const jan = crm.addContact({ name: 'Jan Kowalski', emails: ['jan.kowalski@client.test'], responsibleId: anna.id });
  const ola = crm.addContact({ name: 'Ola', emails: ['Ola@Other.test'], responsibleId: admin.id });
  const shop = crm.addDeal({ title: 'Shop', contactIds: [jan.id], responsibleId: anna.id });
  const empty = crm.addDeal({ title: 'Empty', responsibleId: anna.id });
  const shopRef = { type: 'deal', id: shop.id } as const;
  const emptyRef = { type: 'deal', id: empty.id } as const;
  return { crm, clock, admin, anna, boris, mailbox, jan, ola, shop, empty, shopRef, emptyRef };
}

const typed = (address: string, name?: string): RecipientChoice => ({ kind: 'new-address', address, ...(name && { name }) });
const fromAddressBook = (address: string, name?: string): RecipientChoice => ({ kind: 'address-book', address, ...(name && { name }) });

describe('recipients of a deal\'s e-mail form (R8.1)', () => {
  it('R8.1 a deal offers the e-mails of its linked contacts and company', () => {
    const { crm, jan, shopRef } = crmWithDeals();
    expect(crm.sendingAvailability(shopRef)).toEqual({
      available: true,
      options: [{ item: { type: 'contact', id: jan.id }, name: 'Jan Kowalski', address: 'jan.kowalski@client.test', source: 'client' }],
    });
  });

  it('R8.1 a deal also offers the addresses of its earlier e-mails, the last used first, its client\'s among them', () => {
    // Reference §1.8 rule 46 (EDITOR GetCrmEntityCommunications, the deal's previous communications).
    const { crm, clock, anna, jan, ola, shopRef } = crmWithDeals();
    crm.sendEmailFromForm(anna.id, { item: shopRef, to: [typed('piotr@new.test', 'Piotr')], subject: 'first' });
    clock.advanceMinutes(5);
    crm.sendEmailFromForm(anna.id, { item: shopRef, to: [{ kind: 'crm', item: { type: 'contact', id: ola.id } }], subject: 'second' });
    clock.advanceMinutes(5);
    crm.sendEmailFromForm(anna.id, { item: shopRef, to: [{ kind: 'crm', item: { type: 'contact', id: jan.id } }], subject: 'third' });
    expect(crm.recipientOptions(shopRef).map((o) => [o.address, o.source])).toEqual([
      ['jan.kowalski@client.test', 'client'],
      ['Ola@Other.test', 'earlier-email'],
      ['piotr@new.test', 'earlier-email'],
    ]);
    // Another deal's e-mails are not offered.
    expect(crm.recipientOptions({ type: 'deal', id: crm.addDeal({ title: 'Other', responsibleId: anna.id }).id })).toEqual([]);
  });

  it('R8.1 the sender of a received e-mail on the deal is offered too', () => {
    const { crm, clock, admin, mailbox, jan, empty, emptyRef } = crmWithDeals();
    const saved = crm.receiveMailboxMessage(mailbox.id, {
      folder: 'INBOX', uidValidity: 1, uid: 1, subject: 'Hi', receivedAt: clock.now(), seen: false,
      from: [{ address: 'JAN.KOWALSKI@client.test' }], replyTo: [], to: [{ address: 'sales@acme.test' }], cc: [],
    });
    if (!saved.saved) throw new Error('not saved');
    crm.changeDeal(admin.id, saved.activity.id, empty.id);
    expect(crm.recipientOptions(emptyRef)).toEqual([{ item: { type: 'contact', id: jan.id }, name: 'Jan Kowalski', address: 'jan.kowalski@client.test', source: 'earlier-email' }]);
    expect(crm.deal(empty.id).contactIds).toEqual([]);
  });

  it('R8.1 a deal without a linked client cannot send: the button is inactive and the reason names both fixes', () => {
    const { crm, anna, emptyRef } = crmWithDeals();
    const availability = crm.sendingAvailability(emptyRef);
    expect(availability).toMatchObject({ available: false, code: 'CRM.SEND_NO_RECIPIENT' });
    expect(availability.available ? '' : availability.reason).toMatch(/No contact or company is linked to the deal "Empty".*"Client" field.*"Add new address"/);
    expect(() => crm.sendEmailFromForm(anna.id, { item: emptyRef, to: [], subject: 'Offer' })).toThrow(refused('CRM.SEND_NO_RECIPIENT'));
    expect(crm.emailActivities()).toEqual([]);
  });

  it('R8.1 a client without an e-mail does not help: the reason says so', () => {
    const { crm, anna } = crmWithDeals();
    const noEmail = crm.addContact({ name: 'Piotr', responsibleId: anna.id });
    const deal = crm.addDeal({ title: 'Phone only', contactIds: [noEmail.id], responsibleId: anna.id });
    const availability = crm.sendingAvailability({ type: 'deal', id: deal.id });
    expect(availability.available ? '' : availability.reason).toMatch(/client linked to the deal "Phone only" has no e-mail/);
    expect(() => crm.sendEmailFromForm(anna.id, { item: { type: 'deal', id: deal.id }, to: [{ kind: 'crm', item: { type: 'contact', id: noEmail.id } }], subject: 'x' })).toThrow(refused('CRM.SEND_NO_RECIPIENT'));
  });
});

describe('sending from a form (R8.2–R8.5)', () => {
  it('R8.5 the sent e-mail is an outgoing activity, completed at once, responsible = the sender, bound to the deal and its client', () => {
    const { crm, clock, anna, jan, shopRef, mailbox } = crmWithDeals();
    clock.advanceMinutes(30);
    const sent = crm.sendEmailFromForm(anna.id, { item: shopRef, to: [{ kind: 'crm', item: { type: 'contact', id: jan.id } }], subject: 'Our offer', text: 'Please find our offer.' });
    expect(sent.activity).toMatchObject({
      direction: 'outgoing', completed: true, completedAt: clock.now(), responsibleId: anna.id, authorId: anna.id,
      bindings: [shopRef, { type: 'contact', id: jan.id }], to: [{ name: 'Jan Kowalski', address: 'jan.kowalski@client.test' }],
      messageId: `<crm.activity.${sent.activity.id}@acme.test>`, mailboxId: mailbox.id,
    });
    expect(sent.createdContacts).toEqual([]);
    expect(sent.message).toMatchObject({
      from: { name: 'Anna Nowak', address: 'sales@acme.test' }, sentFolder: 'Sent', subject: 'Our offer', text: 'Please find our offer.',
      messageId: sent.activity.messageId, references: [], date: clock.now(),
    });
    expect(crm.timeline(shopRef).map((e) => [e.kind, e.activityId])).toEqual([['activity', sent.activity.id]]);
    expect(crm.timeline({ type: 'contact', id: jan.id })).toHaveLength(1);
  });

  it('R8.5 the sender needs edit rights on the item; without them nothing is sent or created', () => {
    const { crm, boris, shopRef } = crmWithDeals();
    expect(() => crm.sendEmailFromForm(boris.id, { item: shopRef, to: [typed('new@client.test')], subject: 'x' })).toThrow(refused('CRM.SEND_NOT_ALLOWED'));
    expect(() => crm.sendEmailFromForm(boris.id, { item: shopRef, to: [typed('new@client.test')], subject: 'x' })).toThrow(/does not have permission to edit activities of the deal "Shop"/);
    expect(crm.contacts()).toHaveLength(2);
    expect(crm.emailActivities()).toEqual([]);
  });

  it('R8.5 at most 10 recipients, counted over To and Cc; the same address twice counts once', () => {
    const { crm, anna, shopRef } = crmWithDeals();
    const many = Array.from({ length: 11 }, (_, i) => typed(`p${i}@client.test`));
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: many.slice(0, 6), cc: many.slice(6), subject: 'x' })).toThrow(refused('CRM.SEND_TOO_MANY_RECIPIENTS'));
    expect(crm.contacts()).toHaveLength(2);
    const ten = crm.sendEmailFromForm(anna.id, { item: shopRef, to: [...many.slice(0, 10), typed('P0@client.test')], cc: [typed('p1@client.test')], subject: 'x' });
    expect(ten.activity.to).toHaveLength(10);
    expect(ten.activity.cc).toEqual([]);
  });

  it('R8.5 only from a mailbox the sender may use', () => {
    const { crm, admin, anna, shopRef } = crmWithDeals();
    const other = crm.connectMailbox({ address: 'boss@acme.test', connectorId: admin.id });
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, mailboxId: other.id, to: [typed('x@client.test')], subject: 'x' })).toThrow(refused('CRM.MAILBOX_ACCESS_DENIED'));
    const loner = crm.addEmployee({ name: 'Loner' });
    crm.assignRole(admin.id, loner.id, 'Administrator');
    expect(() => crm.sendEmailFromForm(loner.id, { item: shopRef, to: [typed('x@client.test')], subject: 'x' })).toThrow(refused('CRM.SEND_NO_MAILBOX'));
  });

  it('R8.2 "Add new address" makes a new contact, named as entered, which is NOT linked to the deal', () => {
    const { crm, anna, empty, emptyRef } = crmWithDeals();
    const sent = crm.sendEmailFromForm(anna.id, { item: emptyRef, to: [typed('Piotr.Zielinski@Client.test', 'Piotr Zieliński')], subject: 'Hello' });
    expect(sent.createdContacts).toMatchObject([
      { name: 'Piotr Zieliński', emails: [{ value: 'piotr.zielinski@client.test', type: 'WORK' }], source: 'E-Mail', responsibleId: anna.id },
    ]);
    const contactRef = { type: 'contact', id: sent.createdContacts[0]!.id } as const;
    expect(crm.deal(empty.id).contactIds).toEqual([]);
    expect(sent.activity.bindings).toEqual([emptyRef, contactRef]);
    expect(sent.activity.to).toEqual([{ name: 'Piotr Zieliński', address: 'Piotr.Zielinski@Client.test' }]);
    // Q7: "Po wykonaniu tych kroków możliwe jest wysłanie e-maila z formularza deala" — the deal's
    // form now offers the address of its earlier e-mail (reference §1.8 rule 46), still without a client.
    expect(crm.sendingAvailability(emptyRef)).toEqual({
      available: true,
      options: [{ item: contactRef, name: 'Piotr Zieliński', address: 'piotr.zielinski@client.test', source: 'earlier-email' }],
    });
  });

  it('R8.2 without a name the new contact is named after the address', () => {
    const { crm, anna, emptyRef } = crmWithDeals();
    expect(crm.sendEmailFromForm(anna.id, { item: emptyRef, to: [typed('  Kasia@Client.test ')], subject: 'x' }).createdContacts[0]?.name).toBe('kasia@client.test');
  });

  it('R8.3 a contact already in the CRM makes no new contact, even when it is not linked to the form', () => {
    const { crm, anna, ola, shopRef } = crmWithDeals();
    const picked = crm.sendEmailFromForm(anna.id, { item: shopRef, to: [{ kind: 'crm', item: { type: 'contact', id: ola.id } }], subject: 'a' });
    expect(picked.createdContacts).toEqual([]);
    expect(picked.activity.bindings).toContainEqual({ type: 'contact', id: ola.id });
    expect(crm.contacts()).toHaveLength(2);
  });

  // Reference §1.8 rule 49: a recipient not picked from the CRM (isEmail=Y) gets no duplicate check.
  it.each(['ola@other.test', 'Ola@Other.test', '  ola@OTHER.test '])('R8.3 the CRM\'s address typed as %j is not a pick from the CRM: a duplicate contact', (address) => {
    const { crm, anna, ola, shopRef } = crmWithDeals();
    const sent = crm.sendEmailFromForm(anna.id, { item: shopRef, to: [typed(address)], subject: 'b' });
    expect(sent.createdContacts.map((c) => c.emails.map((e) => e.value))).toEqual([['ola@other.test']]);
    expect(sent.activity.bindings).not.toContainEqual({ type: 'contact', id: ola.id });
    expect(sent.activity.to).toEqual([{ address: address.trim() }]);
    expect(crm.contacts()).toHaveLength(3);
  });

  it('R8.3 an address from the mail address book is taken as new: a duplicate contact', () => {
    const { crm, anna, jan, shopRef } = crmWithDeals();
    const sent = crm.sendEmailFromForm(anna.id, { item: shopRef, to: [fromAddressBook('jan.kowalski@client.test', 'Jan Kowalski')], subject: 'x' });
    expect(sent.createdContacts).toHaveLength(1);
    expect(crm.contacts().filter((c) => c.emails.some((e) => e.value === 'jan.kowalski@client.test')).map((c) => c.id)).toEqual([jan.id, sent.createdContacts[0]!.id]);
  });

  it.each(['jan kowalski', 'jan.kowalski @ client.test', 'jan.kowalski@ client.test'])('R8.5 %j, with white space inside, is refused by the form and creates nothing', (address) => {
    // Reference §1.8 (EDITOR SAVE_EMAIL checks every recipient): nothing is sent, nothing is created.
    const { crm, anna, shopRef } = crmWithDeals();
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: [typed(address)], subject: 'x' })).toThrow(refused('CRM.SEND_INVALID_ADDRESS'));
    expect(crm.contacts()).toHaveLength(2);
    expect(crm.emailActivities()).toEqual([]);
  });
});

describe('"Allow sending e-mails to arbitrary addresses" off (R8.4)', () => {
  it('R8.4 only CRM addresses are accepted; address-book and unknown typed addresses are refused and no contact appears', () => {
    const { crm, admin, anna, jan, ola, shopRef } = crmWithDeals();
    crm.setAllowSendingToArbitraryAddresses(admin.id, false);
    expect(crm.allowsSendingToArbitraryAddresses()).toBe(false);
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: [fromAddressBook('jan.kowalski@client.test')], subject: 'x' })).toThrow(refused('CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED'));
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: [typed('new@client.test')], subject: 'x' })).toThrow(/"Allow sending e-mails to arbitrary addresses" is off/);
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: [typed(' Jan.Kowalski@client.test')], subject: 'x' })).toThrow(refused('CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED'));
    // One bad recipient refuses the whole e-mail: the good one is not sent either.
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: [{ kind: 'crm', item: { type: 'contact', id: ola.id } }, typed('x@y.test')], subject: 'x' })).toThrow();
    expect(crm.emailActivities()).toEqual([]);
    const sent = crm.sendEmailFromForm(anna.id, { item: shopRef, to: [{ kind: 'crm', item: { type: 'contact', id: ola.id } }, { kind: 'crm', item: { type: 'contact', id: jan.id } }], subject: 'ok' });
    expect(sent.createdContacts).toEqual([]);
    expect(crm.contacts()).toHaveLength(2);
  });

  it('R8.4 R6.2 only an administrator or "User can edit settings" may switch it', () => {
    const { crm, anna } = crmWithDeals();
    expect(() => crm.setAllowSendingToArbitraryAddresses(anna.id, false)).toThrow(refused('CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS'));
    expect(crm.allowsSendingToArbitraryAddresses()).toBe(true);
    const editor = crm.addEmployee({ name: 'Ewa', canEditSettings: true });
    crm.setAllowSendingToArbitraryAddresses(editor.id, false);
    expect(crm.allowsSendingToArbitraryAddresses()).toBe(false);
  });

  it('R8.4 the setting is the CRM setting "Allow sending e-mails to arbitrary addresses"', () => {
    const { crm, anna, shopRef } = crmWithDeals();
    const editor = crm.addEmployee({ name: 'Ewa', canEditSettings: true });
    crm.updateCrmSettings(editor.id, { 'Allow sending e-mails to arbitrary addresses': false });
    expect(() => crm.sendEmailFromForm(anna.id, { item: shopRef, to: [typed('new@client.test')], subject: 'x' })).toThrow(refused('CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED'));
  });
});

describe('replying, completing, following up (R8.6)', () => {
  function withIncoming() {
    const w = crmWithDeals();
    const outcome = w.crm.receiveMailboxMessage(w.mailbox.id, {
      folder: 'INBOX', uidValidity: 1, uid: 1, messageId: '<q1@client.test>', references: [], subject: 'Question', receivedAt: w.clock.now(), seen: false,
      from: [{ name: 'Jan Kowalski', address: 'jan.kowalski@client.test' }], replyTo: [], to: [{ address: 'sales@acme.test' }], cc: [],
    });
    if (!outcome.saved) throw new Error('not saved');
    return { ...w, incoming: outcome.activity };
  }

  it('R8.6 a reply carries In-Reply-To and References, threads under the e-mail, and leaves its activity open', () => {
    const { crm, anna, jan, shopRef, incoming } = withIncoming();
    expect(incoming.completed).toBe(false);
    const reply = crm.sendEmailFromForm(anna.id, { item: shopRef, replyToActivityId: incoming.id, to: [{ kind: 'crm', item: { type: 'contact', id: jan.id } }], subject: 'Re: Question' });
    expect(reply.message).toMatchObject({ inReplyTo: '<q1@client.test>', references: ['<q1@client.test>'] });
    expect(reply.activity.inReplyTo).toBe('<q1@client.test>');
    expect(crm.activityById(incoming.id).completed).toBe(false);
    const [thread] = crm.correspondenceFor(anna.id, shopRef);
    expect(thread?.activity.id).toBe(incoming.id);
    expect(thread?.replies.map((r) => r.activity.id)).toEqual([reply.activity.id]);
  });

  it('R8.6 "Complete" by hand completes it, at that moment; it needs edit rights on the item', () => {
    const { crm, clock, anna, boris, incoming } = withIncoming();
    expect(() => crm.completeActivity(boris.id, incoming.id)).toThrow(refused('CRM.ACTIVITY_EDIT_NOT_ALLOWED'));
    clock.advanceMinutes(45);
    expect(crm.completeActivity(anna.id, incoming.id)).toMatchObject({ completed: true, completedAt: clock.now() });
    expect(() => crm.completeActivity(anna.id, incoming.id)).toThrow(refused('CRM.ACTIVITY_ALREADY_COMPLETED'));
  });

  it('R8.6 creating a new activity from the e-mail completes the e-mail and plans the follow-up in the same forms', () => {
    const { crm, anna, shopRef, incoming } = withIncoming();
    const { email, followUp } = crm.createActivityFromEmail(anna.id, incoming.id, { subject: 'Call Jan back' });
    expect(email.completed).toBe(true);
    expect(followUp).toMatchObject({ subject: 'Call Jan back', completed: false, responsibleId: anna.id, fromActivityId: incoming.id, bindings: incoming.bindings });
    expect(crm.timeline(shopRef).map((e) => e.kind)).toEqual(['activity', 'system', 'follow-up']);
    expect(crm.followUps()).toEqual([followUp]);
  });

  it('R8.6 R8.3 "Reply" addresses the sender as the CRM contact the e-mail is bound to, so no contact is created', () => {
    const { crm, anna, jan, shopRef, incoming } = withIncoming();
    const to = crm.replyRecipients(incoming.id);
    expect(to).toEqual([{ kind: 'crm', item: { type: 'contact', id: jan.id }, address: 'jan.kowalski@client.test' }]);
    expect(crm.sendEmailFromForm(anna.id, { item: shopRef, replyToActivityId: incoming.id, to, subject: 'Re: Question' }).createdContacts).toEqual([]);
  });

  it('R8.6 a reply from a form the e-mail is not in is refused', () => {
    const { crm, anna, emptyRef, incoming } = withIncoming();
    expect(() => crm.sendEmailFromForm(anna.id, { item: emptyRef, replyToActivityId: incoming.id, to: [typed('jan.kowalski@client.test')], subject: 'Re' })).toThrow(refused('CRM.SEND_REPLY_NOT_IN_ITEM'));
  });
});

describe('the mail address book (R8.3)', () => {
  it('R8.3 lists the mailbox\'s correspondents once each, first seen first, without the mailbox itself', () => {
    const { crm, mailbox } = crmWithDeals();
    const message = (uid: number, from: string, cc: string[] = []) => ({
      folder: 'INBOX', uidValidity: 1, uid, subject: `m${uid}`, receivedAt: new Date(), seen: false,
      from: [{ name: 'Someone', address: from }], replyTo: [], to: [{ address: 'Sales@acme.test' }], cc: cc.map((address) => ({ address })),
    });
    crm.receiveMailboxMessage(mailbox.id, message(1, 'jan.kowalski@client.test', ['ola@other.test']));
    crm.receiveMailboxMessage(mailbox.id, message(2, 'JAN.KOWALSKI@client.test'));
    expect(crm.addressBook(mailbox.id)).toEqual([{ name: 'Someone', address: 'jan.kowalski@client.test' }, { address: 'ola@other.test' }]);
  });
});

describe('the deal\'s "Client" field (R8.2)', () => {
  it('R8.2 choosing a contact in "Client" links it, and the form then offers its e-mail; it needs edit rights on the deal', () => {
    const { crm, anna, boris, ola, empty, emptyRef } = crmWithDeals();
    expect(() => crm.chooseDealClient(boris.id, empty.id, { type: 'contact', id: ola.id })).toThrow(refused('CRM.ITEM_ACCESS_DENIED'));
    crm.chooseDealClient(anna.id, empty.id, { type: 'contact', id: ola.id });
    expect(crm.deal(empty.id).contactIds).toEqual([ola.id]);
    expect(crm.recipientOptions(emptyRef).map((o) => o.address)).toEqual(['Ola@Other.test']);
    const firm = crm.addCompany({ title: 'Firm', emails: ['office@firm.test'], responsibleId: anna.id });
    crm.chooseDealClient(anna.id, empty.id, { type: 'company', id: firm.id });
    expect(crm.recipientOptions(emptyRef).map((o) => o.address)).toEqual(['Ola@Other.test', 'office@firm.test']);
  });
});
