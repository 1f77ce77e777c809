import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import type { ItemRef, ItemType } from '../items/item-ref.ts';
import { manualClock } from '../testing.ts';
import { ACCESS_LEVELS, type AccessLevel } from './access-level.ts';

const TYPES: readonly ItemType[] = ['lead', 'deal', 'contact', 'company'];
const DEPARTMENTS = ['Sales', 'Key accounts', 'Support', undefined] as const;
/** The company structure of the test: Key accounts under Sales; Sales and Support under the root. */
const PARENT: Readonly<Record<string, string | undefined>> = { Company: undefined, Sales: 'Company', 'Key accounts': 'Sales', Support: 'Company' };
const within = (department: string, ancestor: string): boolean => department === ancestor || (PARENT[department] !== undefined && within(PARENT[department]!, ancestor));

const level = fc.constantFrom(...ACCESS_LEVELS);
const roleArb = fc.record({ lead: level, deal: level, contact: level, company: level });
const employeeArb = fc.record({ department: fc.constantFrom(...DEPARTMENTS), isAdministrator: fc.boolean(), roles: fc.uniqueArray(fc.nat(2), { maxLength: 3 }) });
const itemArb = fc.record({ type: fc.constantFrom(...TYPES), responsible: fc.nat(3), open: fc.boolean() });

const world = fc.record({
  roles: fc.array(roleArb, { minLength: 3, maxLength: 3 }),
  employees: fc.array(employeeArb, { minLength: 4, maxLength: 4 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 8 }),
  emails: fc.array(fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;
/** An item as the oracle knows it; responsible -1 is the administrator who connected the mailbox. */
type OracleItem = { type: ItemType; responsible: number; open: boolean };

/** The rule written out again, as simply as possible, to check the CRM against (R6.1, R6.3). */
function oracleCanRead(w: World, employee: number, item: OracleItem): boolean {
  const e = w.employees[employee]!;
  const rank = (l: AccessLevel) => ACCESS_LEVELS.indexOf(l);
  const best = e.isAdministrator ? 5 : Math.max(0, ...e.roles.map((r) => rank(w.roles[r]![item.type])));
  const mine = e.department ?? 'Company';
  const theirs = w.employees[item.responsible]?.department ?? 'Company';
  return (
    best >= 5 ||
    (best >= 4 && item.open) ||
    (best >= 3 && within(theirs, mine)) ||
    (best >= 2 && theirs === mine) ||
    (best >= 1 && item.responsible === employee)
  );
}

describe('visibility properties (R6.3)', () => {
  it('R6.3 no employee ever sees an e-mail bound to an item they cannot read, and every other e-mail of a form they can open is shown', () => {
    fc.assert(
      fc.property(world, (w) => {
        const crm = new Crm({ clock: manualClock().now });
        const admin = crm.addEmployee({ name: 'Root', isAdministrator: true });
        crm.addDepartment('Sales');
        crm.addDepartment('Key accounts', 'Sales');
        crm.addDepartment('Support');
        const employees = w.employees.map((e, i) =>
          crm.addEmployee({ name: `E${i}`, isAdministrator: e.isAdministrator, ...(e.department && { department: e.department }) }),
        );
        w.roles.forEach((r, i) =>
          crm.defineRole(admin.id, `R${i}`, Object.fromEntries(TYPES.map((t) => [t, { read: r[t] }]))),
        );
        w.employees.forEach((e, i) => e.roles.forEach((r) => crm.assignRole(admin.id, employees[i]!.id, `R${r}`)));
        const refs: ItemRef[] = w.items.map((item, i) => {
          const common = { responsibleId: employees[item.responsible]!.id, availableToEveryone: item.open };
          switch (item.type) {
            case 'lead': return { type: 'lead', id: crm.addLead({ ...common, title: `L${i}` }).id };
            case 'deal': return { type: 'deal', id: crm.addDeal({ ...common, title: `D${i}` }).id };
            case 'contact': return { type: 'contact', id: crm.addContact({ ...common, name: `C${i}` }).id };
            case 'company': return { type: 'company', id: crm.addCompany({ ...common, title: `F${i}` }).id };
          }
        });
        // Each e-mail comes in from its own sender, bound by intake to a contact, then to the chosen items.
        const mailbox = crm.connectMailbox({ address: 'sales@acme.test', connectorId: admin.id, settings: { createForNewSender: 'contact' } });
        const emails = w.emails.map((bound, n) => {
          const outcome = crm.receiveMailboxMessage(mailbox.id, {
            folder: 'INBOX', uidValidity: 1, uid: n + 1, subject: `Mail ${n}`, text: 'common words', receivedAt: new Date(), seen: false,
            from: [{ address: `s${n}@client.test` }], replyTo: [], to: [], cc: [],
          });
          if (!outcome.saved) throw new Error('not saved');
          let activity = outcome.activity;
          for (const index of bound) if (index < refs.length) activity = crm.addEmailBinding(activity.id, refs[index]!);
          return activity;
        });
        // What the oracle knows of every item: the generated ones, and the contact intake made for
        // each sender (the connector's, "Available to everyone", reference §1.3 rule 18).
        const known = new Map<string, OracleItem>(refs.map((ref, i) => [`${ref.type}:${ref.id}`, w.items[i]!]));
        for (const contact of crm.contacts()) {
          if (contact.name.startsWith('s')) known.set(`contact:${contact.id}`, { type: 'contact', responsible: -1, open: true });
        }
        const oracleItem = (ref: ItemRef): OracleItem => {
          const item = known.get(`${ref.type}:${ref.id}`);
          if (!item) throw new Error(`unknown ${ref.type} ${ref.id}`);
          return item;
        };
        w.employees.forEach((_, e) => {
          const employee = employees[e]!;
          const canRead = (ref: ItemRef) => oracleCanRead(w, e, oracleItem(ref));
          const visible = new Set(emails.filter((a) => crm.activityById(a.id).bindings.every(canRead)).map((a) => a.id));
          for (const [i, ref] of refs.entries()) {
            if (!oracleCanRead(w, e, w.items[i]!)) {
              expect(() => crm.timelineFor(employee.id, ref)).toThrow();
              continue;
            }
            const shown = new Set(crm.timelineFor(employee.id, ref).map((entry) => entry.activityId));
            const boundHere = emails.filter((a) => crm.activityById(a.id).bindings.some((b) => b.type === ref.type && b.id === ref.id));
            expect([...shown].sort()).toEqual(boundHere.filter((a) => visible.has(a.id)).map((a) => a.id).sort());
          }
          const found = crm.searchEmails(employee.id, { words: 'common' }).map((a) => a.id).sort();
          expect(found).toEqual([...visible].sort());
        });
      }),
      { numRuns: 150 },
    );
  });
});
