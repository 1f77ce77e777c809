import { expect } from 'vitest';
import { MailStore } from '../../store/index.ts';
import { Dispatcher } from '../dispatcher.ts';

/**
 * The model and the client mirrors of the two-session model test (sessions.model.test.ts):
 * what the folders hold, what each session's client should know, and what it was told.
 */

export type FolderName = 'INBOX' | 'Other';
export const FLAGS = ['\\Seen', '\\Deleted', '$Label'] as const;

export interface ModelFolder {
  uidNext: number;
  messages: Map<number, Set<string>>;
}

export interface Model {
  folders: Record<FolderName, ModelFolder>;
  /** Per session: the UIDs its client knows, by sequence number (expunged ones until told). */
  views: [number[], number[]];
}

/** What a client knows, built only from server responses. */
export interface Mirror {
  uids: number[];
  flags: Map<number, string>;
}

export interface Real {
  sessions: [Dispatcher, Dispatcher];
  mirrors: [Mirror, Mirror];
  errors: unknown[];
}

export const key = (flags: Iterable<string>) => [...flags].filter((flag) => flag !== '\\Recent').map((f) => f.toLowerCase()).sort().join(' ');

/** Sends one command line and returns the response lines. */
export function send(real: Real, session: 0 | 1, line: string): string[] {
  const reply = real.sessions[session].command(Buffer.from(line, 'latin1'));
  return Buffer.concat([...reply.output]).toString('latin1').split('\r\n').filter((text) => text !== '');
}

/** The client side: applies untagged responses to its mirror; returns the tagged line. */
export function observe(real: Real, session: 0 | 1, lines: readonly string[], tag: string): string {
  const mirror = real.mirrors[session];
  const tagged = lines.filter((line) => line.startsWith(`${tag} `));
  expect(tagged).toHaveLength(1);
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = /^\* (\d+) EXPUNGE$/.exec(line))) {
      const seq = Number(match[1]);
      expect(seq).toBeLessThanOrEqual(mirror.uids.length);
      mirror.uids.splice(seq - 1, 1);
    } else if ((match = /^\* (\d+) EXISTS$/.exec(line))) {
      const count = Number(match[1]);
      expect(count).toBeGreaterThanOrEqual(mirror.uids.length);
      while (mirror.uids.length < count) mirror.uids.push(-1);
    } else if ((match = /^\* (\d+) FETCH \((?:UID \d+ )?FLAGS \(([^)]*)\)\)$/.exec(line))) {
      const uid = mirror.uids[Number(match[1]) - 1];
      expect(uid).toBeDefined();
      mirror.flags.set(uid ?? 0, key(match[2] ? match[2].split(' ') : []));
    }
  }
  return tagged[0] ?? '';
}

/** Before a command: the session hears of arrivals (never of expunges yet). */
export function arrivals(model: Model, session: 0 | 1): void {
  const view = model.views[session];
  const last = view[view.length - 1] ?? 0;
  for (const uid of [...model.folders.INBOX.messages.keys()].sort((a, b) => a - b)) if (uid > last) view.push(uid);
}

/** After a command that may report expunges: the view is the folder as it is. */
export function synced(model: Model, session: 0 | 1): void {
  model.views[session] = model.views[session].filter((uid) => model.folders.INBOX.messages.has(uid));
  arrivals(model, session);
}

/** The mirror, its unknown UIDs (after EXISTS) filled from the model, must match the model. */
export function checkMirror(model: Model, real: Real, session: 0 | 1): void {
  const mirror = real.mirrors[session];
  const view = model.views[session];
  expect(mirror.uids.length).toBe(view.length);
  mirror.uids.forEach((uid, index) => {
    const expected = view[index] ?? 0;
    if (uid === -1) {
      mirror.uids[index] = expected;
      mirror.flags.set(expected, key(model.folders.INBOX.messages.get(expected) ?? []));
    } else {
      expect(uid).toBe(expected);
    }
  });
  for (const uid of view) {
    const flags = model.folders.INBOX.messages.get(uid);
    if (flags) expect(mirror.flags.get(uid)).toBe(key(flags));
  }
}

export function addMessage(model: Model, folder: FolderName, flags: Iterable<string>): number {
  const target = model.folders[folder];
  const uid = target.uidNext++;
  target.messages.set(uid, new Set(flags));
  return uid;
}

/** INBOX with two messages and an empty folder, two sessions with INBOX selected. */
export function setUp(): { model: Model; real: Real } {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  const account = store.createAccount({ address: 'a@x.test', password: 'pw', folders: [{ name: 'INBOX', role: 'inbox' }, { name: 'Other' }] });
  const inbox = account.requireFolderByRole('inbox');
  store.deliver(account, inbox, Buffer.from('Subject: one\r\n\r\n'));
  store.deliver(account, inbox, Buffer.from('Subject: two\r\n\r\n'), { flags: ['\\Seen'] });
  const errors: unknown[] = [];
  const open = () => {
    const dispatcher = new Dispatcher({ store, maxBadCommands: 1000, onInternalError: (error) => errors.push(error) });
    dispatcher.command(Buffer.from('a LOGIN a@x.test pw'));
    dispatcher.command(Buffer.from('b SELECT INBOX'));
    return dispatcher;
  };
  const mirror = (): Mirror => ({ uids: [1, 2], flags: new Map([[1, ''], [2, key(['\\Seen'])]]) });
  const model: Model = {
    folders: {
      INBOX: { uidNext: 3, messages: new Map([[1, new Set<string>()], [2, new Set(['\\Seen'])]]) },
      Other: { uidNext: 1, messages: new Map() },
    },
    views: [[1, 2], [1, 2]],
  };
  return { model, real: { sessions: [open(), open()], mirrors: [mirror(), mirror()], errors } };
}
