import { Crm } from './crm.ts';
import type { ConnectedMailbox } from './mailboxes/connected-mailbox.ts';
import type { InboundMailboxMessage } from './mailboxes/mailbox-message.ts';
import type { Employee } from './employees/employee.ts';

/** Test helpers for the CRM's own unit tests: a hand-moved clock, a world, and message builders. */

export interface ManualClock {
  readonly now: () => Date;
  advanceMinutes(minutes: number): void;
}

export function manualClock(start = new Date('2026-03-02T09:00:00Z')): ManualClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advanceMinutes(minutes) {
      at += minutes * 60_000;
    },
  };
}

/** The folders a typical server lists, with RFC 6154 special-use attributes. */
export const STANDARD_FOLDERS = [
  { path: 'INBOX' },
  { path: 'Sent', specialUse: '\\Sent' },
  { path: 'Spam', specialUse: '\\Junk' },
  { path: 'Trash', specialUse: '\\Trash' },
  { path: 'Drafts', specialUse: '\\Drafts' },
  { path: 'Archive' },
] as const;

export interface World {
  readonly crm: Crm;
  readonly clock: ManualClock;
  /** Connected the mailbox, and is its only queue member by default. */
  readonly anna: Employee;
  /** Has access to the mailbox. */
  readonly boris: Employee;
  /** No access to the mailbox. */
  readonly clara: Employee;
  readonly admin: Employee;
  readonly mailbox: ConnectedMailbox;
}

export function world(): World {
  const clock = manualClock();
  const crm = new Crm({ clock: clock.now });
  const anna = crm.addEmployee({ name: 'Anna' });
  const boris = crm.addEmployee({ name: 'Boris' });
  const clara = crm.addEmployee({ name: 'Clara' });
  const admin = crm.addEmployee({ name: 'Adam', isAdministrator: true });
  const connected = crm.connectMailbox({ address: 'sales@acme.test', connectorId: anna.id, accessList: [boris.id] });
  crm.registerMailboxFolders(connected.id, STANDARD_FOLDERS);
  return { crm, clock, anna, boris, clara, admin, mailbox: crm.mailboxById(connected.id) };
}

let nextUid = 1;

/** An unread message from a new customer in INBOX; override what a test is about. */
export function inbound(overrides: Partial<InboundMailboxMessage> = {}): InboundMailboxMessage {
  const uid = nextUid++;
  return {
    folder: 'INBOX',
    uidValidity: 1,
    uid,
    messageId: `<m${uid}@customer.test>`,
    subject: 'Price list, please',
    date: new Date('2026-03-02T08:55:00Z'),
    receivedAt: new Date('2026-03-02T08:56:00Z'),
    from: [{ name: 'Jan Kowalski', address: 'jan@customer.test' }],
    replyTo: [],
    to: [{ address: 'sales@acme.test' }],
    cc: [],
    text: 'Hello, could you send me your price list?',
    seen: false,
    ...overrides,
  };
}
