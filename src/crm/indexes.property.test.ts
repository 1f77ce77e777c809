/**
 * The CRM's indexes (address → items, client → deals and leads, Message-ID → activity and the
 * activity store's other keys) answer exactly as reading everything did, after any sequence of
 * changes: new items, new, added and edited e-mail values, status and stage changes, "Client" changes,
 * lead conversions, new activities, Message-IDs given after the fact (sending from a form),
 * rebinding ("Change deal") and replies adopted by their parent. The full scans are kept here,
 * as they were, as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivityStore } from './activities/activity-store.ts';
import type { EmailActivity } from './activities/email-activity.ts';
import { normaliseMessageId } from './activities/message-id.ts';
import { EmployeeDirectory } from './employees/employee-directory.ts';
import { sequentialIds } from './ids.ts';
import type { CrmItemCommon, HasEmails } from './items/crm-item.ts';
import { DEAL_STAGES, isDealActive } from './items/deal.ts';
import { sortBindings, type ItemRef } from './items/item-ref.ts';
import { ItemService } from './items/item-service.ts';
import { ItemStore } from './items/item-store.ts';
import { convertLead } from './items/lead-conversion.ts';
import { isLeadClosed, isLeadInProgress, LEAD_STATUSES, type Lead } from './items/lead.ts';
import { findClosedLead, findMatches, type ClientMatch, type MatchResult } from './matching/find-matches.ts';
import { normaliseEmail } from './matching/normalise.ts';
import { manualClock } from './testing.ts';
import { Timelines } from './timeline/timeline.ts';

// --- The reference: every item and every activity read in order, as before the indexes. ---

function addressFilter(addresses: readonly string[]): (item: HasEmails) => boolean {
  const keys = new Set(addresses.map(normaliseEmail));
  return (item) => item.emails.some((e) => keys.has(normaliseEmail(e.value)));
}

function mostRecentByScan<T extends CrmItemCommon>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of candidates) {
    const newer = !best || item.updatedAt.getTime() > best.updatedAt.getTime();
    const sameTimeLaterId = best && item.updatedAt.getTime() === best.updatedAt.getTime() && item.id > best.id;
    if (newer || sameTimeLaterId) best = item;
  }
  return best;
}

function findMatchesByScan(items: ItemStore, addresses: readonly string[]): MatchResult {
  const hasAddress = addressFilter(addresses);
  let company = mostRecentByScan(items.all('company').filter(hasAddress));
  let contact = mostRecentByScan(items.all('contact').filter(hasAddress));
  if (contact && company && contact.companyId !== company.id) contact = undefined;
  if (contact && !company && contact.companyId !== undefined) company = items.get('company', contact.companyId);
  if (contact || company) {
    const ofClient = (ids: { contactIds?: readonly number[]; contactId?: number; companyId?: number }) =>
      (contact !== undefined && (ids.contactIds?.includes(contact.id) || ids.contactId === contact.id)) ||
      (company !== undefined && ids.companyId === company.id);
    const activeDeal = mostRecentByScan(items.all('deal').filter(isDealActive).filter(ofClient));
    const activeLead = mostRecentByScan(items.all('lead').filter(isLeadInProgress).filter(ofClient));
    return { kind: 'client', ...(contact && { contact }), ...(company && { company }), ...(activeDeal && { activeDeal }), ...(activeLead && { activeLead }) };
  }
  const lead = mostRecentByScan(items.all('lead').filter(isLeadInProgress).filter(hasAddress));
  return lead ? { kind: 'lead', lead } : { kind: 'none' };
}

function findClosedLeadByScan(items: ItemStore, addresses: readonly string[], client?: ClientMatch): Lead | undefined {
  const hasAddress = addressFilter(addresses);
  const contactId = client?.contact?.id;
  const companyId = client?.company?.id;
  const convertedInto = new Set(
    items
      .all('deal')
      .filter((d) => (contactId !== undefined && d.contactIds.includes(contactId)) || (companyId !== undefined && d.companyId === companyId))
      .flatMap((d) => (d.leadId === undefined ? [] : [d.leadId])),
  );
  return mostRecentByScan(
    items
      .all('lead')
      .filter(isLeadClosed)
      .filter(
        (lead) =>
          hasAddress(lead) ||
          convertedInto.has(lead.id) ||
          (contactId !== undefined && lead.contactId === contactId) ||
          (companyId !== undefined && lead.companyId === companyId),
      ),
  );
}

function byMessageIdByScan(all: readonly EmailActivity[], messageId: string | undefined): EmailActivity | undefined {
  const key = normaliseMessageId(messageId);
  return key === undefined ? undefined : all.find((a) => normaliseMessageId(a.messageId) === key);
}

function forMessageByScan(all: readonly EmailActivity[], mailboxId: number, mailboxMessageId: number, messageId: string | undefined, contentDigest?: string) {
  return (
    all.find((a) => a.mailboxId === mailboxId && a.mailboxMessageId === mailboxMessageId) ??
    byMessageIdByScan(all, messageId) ??
    (normaliseMessageId(messageId) === undefined && contentDigest !== undefined
      ? all.find((a) => normaliseMessageId(a.messageId) === undefined && a.contentDigest === contentDigest)
      : undefined)
  );
}

function repliesToByScan(all: readonly EmailActivity[], messageId: string | undefined): EmailActivity[] {
  const key = normaliseMessageId(messageId);
  return key === undefined ? [] : all.filter((a) => normaliseMessageId(a.inReplyTo) === key);
}

// --- Random changes, applied to the stores through the paths the CRM uses. ---

/** Few addresses, written in several ways (R8.3), so items share them often. */
const ADDRESSES = ['jan@client.test', 'JAN@client.test ', ' anna@client.test', 'boss@corp.test', 'Boss@Corp.test', 'info@corp.test'];
/** Few Message-IDs, with and without brackets, in other letter cases (RFC 5322 §3.6.4). */
const MESSAGE_IDS = ['<a@x.test>', 'a@x.test', '<A@X.test>', '<b@x.test>', ' <c@x.test> ', '<>', ''];
const DIGESTS = ['d1', 'd2', 'd3'];

const pick = <T>(list: readonly T[]) => fc.nat({ max: 1000 }).map((n) => list[n % list.length]!);
const someOf = <T>(list: readonly T[]) => fc.subarray([...list]);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** An index into whatever exists when the change is applied (taken modulo the count). */
const which = fc.nat({ max: 50 });

const change = fc.oneof(
  fc.record({ kind: fc.constant('contact' as const), emails: someOf(ADDRESSES), company: maybe(which) }),
  fc.record({ kind: fc.constant('company' as const), emails: someOf(ADDRESSES) }),
  fc.record({ kind: fc.constant('lead' as const), emails: someOf(ADDRESSES), status: pick(LEAD_STATUSES.filter((s) => s !== 'Good lead')), contact: maybe(which), company: maybe(which) }),
  fc.record({ kind: fc.constant('deal' as const), contacts: fc.array(which, { maxLength: 2 }), company: maybe(which), stage: pick(DEAL_STAGES), lead: maybe(which) }),
  fc.record({ kind: fc.constant('add-emails' as const), type: pick(['lead', 'contact', 'company'] as const), item: which, emails: someOf(ADDRESSES) }),
  fc.record({ kind: fc.constant('edit-emails' as const), type: pick(['lead', 'contact', 'company'] as const), item: which, emails: someOf(ADDRESSES) }),
  fc.record({ kind: fc.constant('lead-status' as const), lead: which, status: pick(LEAD_STATUSES.filter((s) => s !== 'Good lead')) }),
  fc.record({ kind: fc.constant('deal-stage' as const), deal: which, stage: pick(DEAL_STAGES) }),
  fc.record({ kind: fc.constant('deal-client' as const), deal: which, contacts: fc.array(which, { maxLength: 2 }), company: maybe(which) }),
  fc.record({ kind: fc.constant('convert' as const), lead: which }),
  fc.record({ kind: fc.constant('touch' as const), type: pick(['lead', 'contact', 'company', 'deal'] as const), item: which }),
  fc.record({ kind: fc.constant('tick' as const) }),
  fc.record({
    kind: fc.constant('activity' as const),
    messageId: maybe(pick(MESSAGE_IDS)),
    inReplyTo: maybe(pick(MESSAGE_IDS)),
    mailboxMessage: maybe(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 4 }))),
    digest: maybe(pick(DIGESTS)),
    binding: fc.tuple(pick(['lead', 'contact', 'company', 'deal'] as const), which),
  }),
  fc.record({ kind: fc.constant('set-message-id' as const), activity: which, messageId: maybe(pick(MESSAGE_IDS)) }),
  fc.record({ kind: fc.constant('adopt' as const), activity: which, parent: which }),
  fc.record({ kind: fc.constant('rebind' as const), activity: which, deal: which }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

interface Stores {
  readonly items: ItemStore;
  readonly service: ItemService;
  readonly activities: ActivityStore;
  readonly timelines: Timelines;
  readonly tick: () => void;
}

function stores(): Stores {
  const ids = sequentialIds();
  const clock = manualClock();
  const directory = new EmployeeDirectory(ids);
  directory.add({ name: 'Anna' });
  const items = new ItemStore(ids, clock.now);
  return { items, service: new ItemService(items, directory), activities: new ActivityStore(ids), timelines: new Timelines(ids), tick: () => clock.advanceMinutes(1) };
}

const nth = <T>(list: readonly T[], n: number | undefined): T | undefined => (n === undefined || list.length === 0 ? undefined : list[n % list.length]);

function apply(s: Stores, c: Change): void {
  const { items, service, activities } = s;
  const contacts = items.all('contact');
  const companies = items.all('company');
  const leads = items.all('lead');
  const deals = items.all('deal');
  const all = activities.all();
  switch (c.kind) {
    case 'contact':
      service.addContact({ responsibleId: 1, name: 'C', emails: c.emails, ...(nth(companies, c.company) && { companyId: nth(companies, c.company)!.id }) });
      return;
    case 'company':
      service.addCompany({ responsibleId: 1, title: 'Co', emails: c.emails });
      return;
    case 'lead': {
      const contact = nth(contacts, c.contact);
      const company = nth(companies, c.company);
      service.addLead({ responsibleId: 1, title: 'L', emails: c.emails, status: c.status, ...(contact && { contactId: contact.id }), ...(company && { companyId: company.id }) });
      return;
    }
    case 'deal': {
      const company = nth(companies, c.company);
      const lead = nth(leads, c.lead);
      const contactIds = contacts.length === 0 ? [] : c.contacts.map((n) => nth(contacts, n)!.id);
      service.addDeal({ responsibleId: 1, title: 'D', stage: c.stage, contactIds, ...(company && { companyId: company.id }), ...(lead && { leadId: lead.id }) });
      return;
    }
    case 'add-emails': {
      const item = nth(items.all(c.type), c.item);
      if (item) service.addEmails({ type: c.type, id: item.id }, c.emails);
      return;
    }
    case 'edit-emails': {
      // An item's e-mail values edited or removed: the store's one way to change a record.
      const item = nth(items.all(c.type), c.item);
      if (item) items.update(c.type, item.id, { emails: c.emails.map((value) => ({ value, type: 'HOME' as const })) });
      return;
    }
    case 'lead-status': {
      const lead = nth(leads, c.lead);
      if (lead && lead.status !== 'Good lead') service.setLeadStatus(lead.id, c.status);
      return;
    }
    case 'deal-stage': {
      const deal = nth(deals, c.deal);
      if (deal) service.setDealStage(deal.id, c.stage);
      return;
    }
    case 'deal-client': {
      const deal = nth(deals, c.deal);
      const company = nth(companies, c.company);
      const contactIds = contacts.length === 0 ? [] : c.contacts.map((n) => nth(contacts, n)!.id);
      if (deal) service.setDealClient(deal.id, { contactIds, ...(company && { companyId: company.id }) });
      return;
    }
    case 'convert': {
      const lead = nth(leads, c.lead);
      if (lead && isLeadInProgress(lead)) convertLead({ items, activities, timelines: s.timelines }, lead.id);
      return;
    }
    case 'touch': {
      const item = nth(items.all(c.type), c.item);
      if (item) service.setResponsible({ type: c.type, id: item.id }, 1);
      return;
    }
    case 'tick':
      s.tick();
      return;
    case 'activity': {
      const [type, n] = c.binding;
      const item = nth(items.all(type), n);
      const binding: ItemRef = item ? { type, id: item.id } : { type: 'contact', id: 999 };
      const at = new Date('2026-03-02T09:00:00Z');
      activities.add({
        direction: 'incoming', subject: 'S', from: [], to: [], cc: [], bindings: [binding], responsibleId: 1, authorId: 1, completed: false, createdAt: at, receivedAt: at,
        ...(c.messageId !== undefined && { messageId: c.messageId }),
        ...(c.inReplyTo !== undefined && { inReplyTo: c.inReplyTo }),
        ...(c.digest !== undefined && { contentDigest: c.digest }),
        ...(c.mailboxMessage && { mailboxId: c.mailboxMessage[0], mailboxMessageId: c.mailboxMessage[1] }),
      });
      return;
    }
    case 'set-message-id': {
      // Sending from a form gives the recorded activity its Message-ID afterwards (send-from-form.ts).
      const activity = nth(all, c.activity);
      if (!activity) return;
      const { messageId: _old, ...rest } = activity;
      activities.replace(c.messageId === undefined ? rest : { ...rest, messageId: c.messageId });
      return;
    }
    case 'adopt': {
      const reply = nth(all, c.activity);
      const parent = nth(all, c.parent);
      if (reply && parent) activities.update(reply.id, { parentId: parent.id });
      return;
    }
    case 'rebind': {
      // "Change deal" replaces the record with other bindings (crm.ts, R7.1).
      const activity = nth(all, c.activity);
      const deal = nth(deals, c.deal);
      if (activity && deal) activities.replace({ ...activity, bindings: sortBindings([{ type: 'deal', id: deal.id }, ...activity.bindings.filter((b) => b.type !== 'deal')]) });
      return;
    }
  }
}

/** Every query the indexes answer, against the reference, for every address and Message-ID in play. */
function expectSameAnswers(s: Stores): void {
  const addressSets = [...ADDRESSES.map((a) => [a]), [ADDRESSES[0]!, ADDRESSES[3]!], [ADDRESSES[2]!, ADDRESSES[5]!, ADDRESSES[1]!], ['nobody@else.test']];
  for (const addresses of addressSets) {
    const match = findMatches(s.items, addresses);
    expect(match).toEqual(findMatchesByScan(s.items, addresses));
    const client = match.kind === 'client' ? match : undefined;
    expect(findClosedLead(s.items, addresses, client)).toEqual(findClosedLeadByScan(s.items, addresses, client));
  }
  for (const contact of s.items.all('contact')) {
    const client: ClientMatch = { kind: 'client', contact };
    expect(findClosedLead(s.items, [], client)).toEqual(findClosedLeadByScan(s.items, [], client));
  }
  for (const company of s.items.all('company')) {
    const client: ClientMatch = { kind: 'client', company };
    expect(findClosedLead(s.items, [], client)).toEqual(findClosedLeadByScan(s.items, [], client));
  }
  const all = s.activities.all();
  for (const messageId of [...MESSAGE_IDS, undefined, '<other@x.test>']) {
    expect(s.activities.byMessageId(messageId)).toBe(byMessageIdByScan(all, messageId));
    expect(s.activities.repliesTo(messageId)).toEqual(repliesToByScan(all, messageId));
    for (const digest of [...DIGESTS, undefined]) {
      for (const [mailboxId, mailboxMessageId] of [[1, 1], [1, 4], [2, 2], [3, 1]] as const) {
        expect(s.activities.forMessage(mailboxId, mailboxMessageId, messageId, digest)).toBe(forMessageByScan(all, mailboxId, mailboxMessageId, messageId, digest));
      }
    }
  }
  for (const activity of all) expect(s.activities.get(activity.id)).toBe(activity);
}

describe('the CRM indexes answer as the full scan does', () => {
  it('after any sequence of changes to items and activities', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const s = stores();
        for (const c of changes) apply(s, c);
        expectSameAnswers(s);
      }),
      { numRuns: 300 },
    );
  });

  it('at every step of a sequence, not only at its end', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const s = stores();
        for (const c of changes) {
          apply(s, c);
          expectSameAnswers(s);
        }
      }),
      { numRuns: 60 },
    );
  });
});
