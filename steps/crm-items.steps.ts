import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import { isCrmError } from '../src/crm/index.ts';
import { parseParty } from './support/addresses.ts';
import type { CrmWorld } from './support/world.ts';

// CRM items (leads, contacts) and refusals.

Then('the CRM has no leads', function (this: CrmWorld) {
  assert.deepEqual(this.sim.crm.leads().map((l) => l.title), []);
});

Then('the CRM has {int} lead(s)', function (this: CrmWorld, count: number) {
  assert.equal(this.sim.crm.leads().length, count);
});

Then('a lead {string} is created for {string} with the status {string} and the source {string}', function (this: CrmWorld, title: string, party: string, status: string, source: string) {
  const lead = this.sim.leadByTitle(title);
  const { name, address } = parseParty(party);
  assert.deepEqual(
    { name: lead.name, emails: lead.emails.map((e) => `${e.value} ${e.type}`), status: lead.status, source: lead.source },
    { name: name ?? address, emails: [`${address} WORK`], status, source },
  );
});

Then('the CRM refuses with {string}', function (this: CrmWorld, code: string) {
  assert.ok(this.lastRefusal !== undefined, 'The CRM did not refuse');
  assert.ok(isCrmError(this.lastRefusal), `The step failed with something other than a CRM refusal: ${String(this.lastRefusal)}`);
  assert.equal(this.lastRefusal.code, code, this.lastRefusal.message);
});
