import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../ids.ts';
import { workEmails } from '../items/email-value.ts';
import { ItemStore } from '../items/item-store.ts';
import { manualClock } from '../testing.ts';
import { findMatches } from './find-matches.ts';
import { senderCandidates } from './sender.ts';

function store() {
  const clock = manualClock();
  return { items: new ItemStore(sequentialIds(), clock.now), clock };
}

// isReturnCustomer only matters for leads and deals; the other types ignore it.
const common = { responsibleId: 1, availableToEveryone: true, isReturnCustomer: false };

describe('matching by address (R2, R8.3)', () => {
  it('R2.2: the most recently changed in-progress lead wins', () => {
    const { items, clock } = store();
    const first = items.add('lead', { ...common, title: 'A', status: 'Unassigned', emails: workEmails(['a@x.test']) });
    clock.advanceMinutes(1);
    const second = items.add('lead', { ...common, title: 'B', status: 'Processed', emails: workEmails(['a@x.test']) });
    expect(findMatches(items, ['a@x.test'])).toEqual({ kind: 'lead', lead: second });
    clock.advanceMinutes(1);
    items.setLeadStatus(first.id, 'In progress');
    expect(findMatches(items, ['a@x.test'])).toMatchObject({ kind: 'lead', lead: { id: first.id } });
  });

  it('R2.2: converted and junk leads are no match', () => {
    const { items } = store();
    items.add('lead', { ...common, title: 'A', status: 'Good lead', emails: workEmails(['a@x.test']) });
    items.add('lead', { ...common, title: 'B', status: 'Junk lead', emails: workEmails(['a@x.test']) });
    expect(findMatches(items, ['a@x.test'])).toEqual({ kind: 'none' });
  });

  it('R2.1 a contact alone brings its company along, so the company\'s active deal counts', () => {
    const { items } = store();
    const company = items.add('company', { ...common, title: 'Acme', emails: workEmails(['office@acme.test']) });
    const contact = items.add('contact', { ...common, name: 'S', emails: workEmails(['s@acme.test']), companyId: company.id });
    const deal = items.add('deal', { ...common, title: 'D', stage: 'New', contactIds: [], companyId: company.id });
    expect(findMatches(items, ['s@acme.test'])).toEqual({ kind: 'client', contact, company, activeDeal: deal });
  });

  it('a company matches, with its active deal', () => {
    const { items } = store();
    const company = items.add('company', { ...common, title: 'Acme', emails: workEmails(['office@acme.test']) });
    const deal = items.add('deal', { ...common, title: 'D', stage: 'New', contactIds: [], companyId: company.id });
    expect(findMatches(items, ['office@acme.test'])).toEqual({ kind: 'client', company, activeDeal: deal });
  });

  it('a contact is kept with a matched company only if it works there (reference §1.2 rule 14)', () => {
    const { items } = store();
    const company = items.add('company', { ...common, title: 'Acme', emails: workEmails(['office@acme.test']) });
    items.add('contact', { ...common, name: 'S', emails: workEmails(['s@x.test']) });
    expect(findMatches(items, ['office@acme.test', 's@x.test'])).toEqual({ kind: 'client', company });
    const employee = items.add('contact', { ...common, name: 'E', companyId: company.id, emails: workEmails(['e@acme.test']) });
    expect(findMatches(items, ['office@acme.test', 'e@acme.test'])).toEqual({ kind: 'client', company, contact: employee });
  });

  it('R8.3: a differently written address (dot, +tag) is a different address', () => {
    const { items } = store();
    items.add('contact', { ...common, name: 'J', emails: workEmails(['jan@x.test']) });
    expect(findMatches(items, ['j.an@x.test']).kind).toBe('none');
    expect(findMatches(items, ['jan+crm@x.test']).kind).toBe('none');
  });

  it('sender candidates: Reply-To, then From, each once, empty addresses dropped', () => {
    expect(
      senderCandidates({
        replyTo: [{ address: 'b@x.test' }, { address: ' ' }],
        from: [{ address: 'a@x.test' }, { address: 'B@X.test' }],
      }).map((a) => a.address),
    ).toEqual(['b@x.test', 'a@x.test']);
  });
});
