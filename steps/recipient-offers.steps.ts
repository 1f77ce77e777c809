import assert from 'node:assert/strict';
import { When } from '@cucumber/cucumber';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// What a CRM form's To field offers, and sending to one of its offers (R8.1; reference §1.8 rule 46).

// Picks that address among those the form offers in To (its client's, its earlier e-mails'; R8.1) and sends; fails the step if the form does not offer it.
When('{employee} sends an e-mail from the {item} to the offered address {string} with the subject {string}', async function (this: CrmWorld, employee: string, item: ItemWords, address: string, subject: string) {
  const ref = this.sim.item(item.type, item.label);
  const offers = this.sim.crm.recipientOptions(ref);
  const offered = offers.find((o) => o.address.toLowerCase() === address.toLowerCase());
  assert.ok(offered, `The e-mail form of the ${item.type} "${item.label}" offers ${offers.map((o) => o.address).join(', ') || 'no address'}, not ${address}`);
  await this.sim.sendFromForm(employee, ref, [{ kind: 'crm', name: offered.name }], subject);
});
