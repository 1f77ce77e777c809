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

  // Reference §1.8 rule 49: an address not picked from the CRM gets no duplicate check; the form's
  // address check (EDITOR SAVE_EMAIL) refuses one with white space inside, and then nothing is sent.
  it('R8.3 with it on, every address not picked from the CRM makes a contact and CRM picks never do; one invalid address refuses the whole e-mail', () => {
    fc.assert(
      fc.property(send, (s) => {
        const { crm, anna, deal } = crmWithClients();
        fc.pre(s.to.length > 0);
        const choices = [...s.to, ...s.cc];
        const typedAddresses = choices.flatMap((c) => (c.kind === 'crm' ? [] : [c.address]));
        const item = { type: 'deal', id: deal.id } as const;
        if (typedAddresses.some((a) => /\S\s+\S/.test(a.trim()))) {
          expect(() => crm.sendEmailFromForm(anna.id, { item, to: s.to, cc: s.cc, subject: 'x' })).toThrow(expect.objectContaining({ code: 'CRM.SEND_INVALID_ADDRESS' }));
          expect(crm.contacts()).toHaveLength(2);
          return;
        }
        const sent = crm.sendEmailFromForm(anna.id, { item, to: s.to, cc: s.cc, subject: 'x' });
        const distinctTyped = new Set(typedAddresses.map((a) => a.trim().toLowerCase()));
        for (const contact of sent.createdContacts) expect(distinctTyped).toContain(contact.emails[0]?.value);
        if (typedAddresses.length === 0) expect(sent.createdContacts).toEqual([]);
        expect(crm.contacts()).toHaveLength(2 + sent.createdContacts.length);
      }),
      { numRuns: 200 },
    );
  });
});
