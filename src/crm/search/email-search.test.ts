import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { manualClock, STANDARD_FOLDERS } from '../testing.ts';
import { foldForSearch } from './email-search.ts';

/** Two clients with one deal each; three e-mails in the CRM; Anna reads only her own deals. */
function crmWithMail() {
  const clock = manualClock();
  const crm = new Crm({ clock: clock.now });
  const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
  const anna = crm.addEmployee({ name: 'Anna' });
  const jan = crm.addContact({ name: 'Jan', emails: ['jan@client.test'], responsibleId: anna.id });
  const ola = crm.addContact({ name: 'Ola', emails: ['ola@other.test'], responsibleId: admin.id });
  const janDeal = crm.addDeal({ title: 'Shop', contactIds: [jan.id], responsibleId: anna.id });
  const olaDeal = crm.addDeal({ title: 'Website', contactIds: [ola.id], responsibleId: admin.id });
  crm.assignRole(admin.id, anna.id, 'Manager');
  const mailbox = crm.connectMailbox({ address: 'sales@acme.test', connectorId: admin.id });
  crm.registerMailboxFolders(mailbox.id, STANDARD_FOLDERS);
  let uid = 0;
  const receive = (from: string, name: string, subject: string, text: string) => {
    clock.advanceMinutes(10);
    const outcome = crm.receiveMailboxMessage(mailbox.id, {
      folder: 'INBOX', uidValidity: 1, uid: ++uid, subject, text, receivedAt: clock.now(), seen: false,
      from: [{ name, address: from }], replyTo: [], to: [{ address: 'sales@acme.test' }], cc: [],
    });
    if (!outcome.saved) throw new Error('not saved');
    return outcome.activity;
  };
  const quote = receive('jan@client.test', 'Jan Kowalski', 'Zapytanie o ofertę', 'Proszę o wycenę sklepu.');
  const invoice = receive('jan@client.test', 'Jan Kowalski', 'Invoice', 'Please send the invoice for the shop.');
  const website = receive('ola@other.test', 'Ola Łukasik', 'Website offer', 'We need a new website.');
  return { crm, admin, anna, janDeal, olaDeal, quote, invoice, website };
}

const subjects = (list: readonly { subject: string }[]) => list.map((a) => a.subject);

describe('finding an e-mail (R9.2)', () => {
  it('R9.2 by subject, by sender (name or address) and by text, across the whole CRM, newest first', () => {
    const { crm, admin } = crmWithMail();
    expect(subjects(crm.searchEmails(admin.id, { words: 'offer', in: 'subject' }))).toEqual(['Website offer']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'kowalski', in: 'sender' }))).toEqual(['Invoice', 'Zapytanie o ofertę']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'ola@other.test', in: 'sender' }))).toEqual(['Website offer']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'shop', in: 'text' }))).toEqual(['Invoice']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'shop' }))).toEqual(['Invoice']);
  });

  it('R9.2 every word must occur; case and Polish diacritics do not matter; an empty search finds nothing', () => {
    const { crm, admin } = crmWithMail();
    expect(subjects(crm.searchEmails(admin.id, { words: 'ZAPYTANIE oferte' }))).toEqual(['Zapytanie o ofertę']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'lukasik', in: 'sender' }))).toEqual(['Website offer']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'invoice website' }))).toEqual([]);
    expect(crm.searchEmails(admin.id, { words: '   ' })).toEqual([]);
    expect(foldForSearch('  Łódź   ĘÓ ')).toBe('lodz eo');
  });

  it('R9.2 within one item\'s form only that item\'s e-mails are searched', () => {
    const { crm, admin, olaDeal } = crmWithMail();
    expect(subjects(crm.searchEmails(admin.id, { words: 'offer' }, { type: 'deal', id: olaDeal.id }))).toEqual(['Website offer']);
    expect(subjects(crm.searchEmails(admin.id, { words: 'invoice' }, { type: 'deal', id: olaDeal.id }))).toEqual([]);
  });

  it('R9.2 R6.3 a search never finds an e-mail the employee may not see, nor searches a form they cannot open', () => {
    const { crm, anna, olaDeal } = crmWithMail();
    expect(subjects(crm.searchEmails(anna.id, { words: 'offer' }))).toEqual([]);
    expect(subjects(crm.searchEmails(anna.id, { words: 'kowalski' }))).toEqual(['Invoice', 'Zapytanie o ofertę']);
    expect(() => crm.searchEmails(anna.id, { words: 'offer' }, { type: 'deal', id: olaDeal.id })).toThrow(expect.objectContaining({ code: 'CRM.ITEM_ACCESS_DENIED' }));
  });

  it('R9.1 the form lists the item\'s correspondence in time order', () => {
    const { crm, anna, janDeal } = crmWithMail();
    expect(crm.correspondenceFor(anna.id, { type: 'deal', id: janDeal.id }).map((t) => t.activity.subject)).toEqual(['Zapytanie o ofertę', 'Invoice']);
  });
});
