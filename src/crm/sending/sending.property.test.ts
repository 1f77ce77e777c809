import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { isCrmError } from '../errors.ts';
import { manualClock } from '../testing.ts';
import type { RecipientChoice } from './recipient-choice.ts';

const KNOWN = ['jan@client.test', 'ola@other.test', 'office@firm.test'];
const UNKNOWN = ['new@client.test', 'piotr@firm.test'];

/** An address as someone might write it: any case, spaces around it or around "@" and the dots. */
const written = (address: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: address.length, maxLength: address.length }), fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' '), fc.boolean()).map(
    ([upper, outer, inner, spaced]) => {
      const cased = [...address].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
      return outer + (spaced ? cased.replace('@', `${inner}@${inner}`) : cased) + outer;
    },
  );

const choice: fc.Arbitrary<RecipientChoice> = fc.oneof(
  fc.constantFrom(...KNOWN, ...UNKNOWN).chain(written).map((address): RecipientChoice => ({ kind: 'new-address', address })),
  fc.constantFrom(...KNOWN, ...UNKNOWN).chain(written).map((address): RecipientChoice => ({ kind: 'address-book', address })),
  fc.nat(2).map((i): RecipientChoice => (i < 2 ? { kind: 'crm', item: { type: 'contact', id: i + 1 } } : { kind: 'crm', item: { type: 'company', id: 1 } })),
);
const send = fc.record({ to: fc.array(choice, { maxLength: 4 }), cc: fc.array(choice, { maxLength: 3 }), fromDeal: fc.boolean() });

function crmWithClients() {
  const crm = new Crm({ clock: manualClock().now });
  const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
  const anna = crm.addEmployee({ name: 'Anna' });
  crm.assignRole(admin.id, anna.id, 'Manager');
  crm.connectMailbox({ address: 'sales@acme.test', connectorId: anna.id });
  const jan = crm.addContact({ name: 'Jan', emails: [KNOWN[0]!], responsibleId: anna.id });
  crm.addContact({ name: 'Ola', emails: [KNOWN[1]!], responsibleId: admin.id });
  crm.addCompany({ title: 'Firm', emails: [KNOWN[2]!], responsibleId: admin.id });
  const deal = crm.addDeal({ title: 'Shop', contactIds: [jan.id], responsibleId: anna.id });
  return { crm, admin, anna, jan, deal };
}

describe('sending properties (R8.3, R8.4)', () => {
  it('R8.4 with "Allow sending e-mails to arbitrary addresses" off, no send ever creates a contact, sent or refused', () => {
    fc.assert(
      fc.property(fc.array(send, { minLength: 1, maxLength: 6 }), (sends) => {
        const { crm, admin, anna, jan, deal } = crmWithClients();
        crm.setAllowSendingToArbitraryAddresses(admin.id, false);
        for (const s of sends) {
          const item = s.fromDeal ? ({ type: 'deal', id: deal.id } as const) : ({ type: 'contact', id: jan.id } as const);
          try {
            const sent = crm.sendEmailFromForm(anna.id, { item, to: s.to, cc: s.cc, subject: 'x' });
            expect(sent.createdContacts).toEqual([]);
            // Whatever was accepted was a CRM address.
            for (const r of [...sent.activity.to, ...sent.activity.cc]) expect(KNOWN).toContain(r.address.toLowerCase());
          } catch (error) {
            if (!isCrmError(error)) throw error;
          }
          expect(crm.contacts()).toHaveLength(2);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('R8.3 with it on, contacts come only from address-book picks and addresses the CRM does not hold as written; CRM addresses never make one', () => {
    fc.assert(
      fc.property(send, (s) => {
        const { crm, anna, deal } = crmWithClients();
        fc.pre(s.to.length > 0);
        const sent = crm.sendEmailFromForm(anna.id, { item: { type: 'deal', id: deal.id }, to: s.to, cc: s.cc, subject: 'x' });
        const heldAsWritten = (address: string) => KNOWN.includes(address.trim().toLowerCase());
        const makesContact = (c: RecipientChoice) => c.kind === 'address-book' || (c.kind === 'new-address' && !heldAsWritten(c.address));
        const choices = [...s.to, ...s.cc];
        for (const contact of sent.createdContacts) {
          const email = contact.emails[0]?.value;
          expect(choices.some((c) => makesContact(c) && c.kind !== 'crm' && c.address.trim().toLowerCase() === email)).toBe(true);
        }
        if (!choices.some(makesContact)) expect(sent.createdContacts).toEqual([]);
        expect(crm.contacts()).toHaveLength(2 + sent.createdContacts.length);
      }),
      { numRuns: 200 },
    );
  });
});
