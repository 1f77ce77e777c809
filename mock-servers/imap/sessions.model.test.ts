import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MailStore } from '../store/index.ts';
import { Dispatcher } from './dispatcher.ts';

/**
 * Model-based test of two sessions on one INBOX (RFC 3501 §5.2, §7.4.1): random sequences of
 * APPEND, STORE, COPY, MOVE, EXPUNGE and NOOP, each run by one of the two sessions, checked
 * against a simple model of the folders and of what each session's client has been told.
 * Each client is mirrored only from the server's responses (EXISTS, EXPUNGE, FETCH FLAGS), as
 * a real client would; the mirror must match the model after every command.
 */

type FolderName = 'INBOX' | 'Other';
const FLAGS = ['\\Seen', '\\Deleted', '$Label'] as const;

interface ModelFolder {
  uidNext: number;
  messages: Map<number, Set<string>>;
}

interface Model {
  folders: Record<FolderName, ModelFolder>;
  /** Per session: the UIDs its client knows, by sequence number (expunged ones until told). */
  views: [number[], number[]];
}

/** What a client knows, built only from server responses. */
interface Mirror {
  uids: number[];
  flags: Map<number, string>;
}

interface Real {
  sessions: [Dispatcher, Dispatcher];
  mirrors: [Mirror, Mirror];
  errors: unknown[];
}

const key = (flags: Iterable<string>) => [...flags].filter((flag) => flag !== '\\Recent').map((f) => f.toLowerCase()).sort().join(' ');

/** Sends one command line and returns the response lines. */
function send(real: Real, session: 0 | 1, line: string): string[] {
  const reply = real.sessions[session].command(Buffer.from(line, 'latin1'));
  return Buffer.concat(reply.output).toString('latin1').split('\r\n').filter((text) => text !== '');
}

/** The client side: applies untagged responses to its mirror; returns the tagged line. */
function observe(real: Real, session: 0 | 1, lines: readonly string[], tag: string): string {
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
function arrivals(model: Model, session: 0 | 1): void {
  const view = model.views[session];
  const last = view[view.length - 1] ?? 0;
  for (const uid of [...model.folders.INBOX.messages.keys()].sort((a, b) => a - b)) if (uid > last) view.push(uid);
}

/** After a command that may report expunges: the view is the folder as it is. */
function synced(model: Model, session: 0 | 1): void {
  model.views[session] = model.views[session].filter((uid) => model.folders.INBOX.messages.has(uid));
  arrivals(model, session);
}

/** The mirror, its unknown UIDs (after EXISTS) filled from the model, must match the model. */
function checkMirror(model: Model, real: Real, session: 0 | 1): void {
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

function addMessage(model: Model, folder: FolderName, flags: Iterable<string>): number {
  const target = model.folders[folder];
  const uid = target.uidNext++;
  target.messages.set(uid, new Set(flags));
  return uid;
}

abstract class SessionCommand implements fc.Command<Model, Real> {
  readonly session: 0 | 1;
  constructor(session: 0 | 1) {
    this.session = session;
  }
  abstract line(): string;
  check(_model: Readonly<Model>): boolean {
    return true;
  }
  abstract run(model: Model, real: Real): void;
  toString(): string {
    return `s${this.session}: ${this.line()}`;
  }
}

class Append extends SessionCommand {
  readonly folder: FolderName;
  readonly flags: readonly string[];
  constructor(session: 0 | 1, folder: FolderName, flags: readonly string[]) {
    super(session);
    this.folder = folder;
    this.flags = flags;
  }
  line(): string {
    return `t APPEND ${this.folder} (${this.flags.join(' ')}) {12+}\r\nSubject: m\r\n`;
  }
  run(model: Model, real: Real): void {
    const uid = addMessage(model, this.folder, this.flags);
    synced(model, this.session);
    const tagged = observe(real, this.session, send(real, this.session, this.line()), 't');
    expect(tagged).toMatch(new RegExp(`^t OK \\[APPENDUID \\d+ ${uid}\\] `));
    checkMirror(model, real, this.session);
  }
}

class Store extends SessionCommand {
  readonly index: number;
  readonly op: '+' | '-' | '';
  readonly flags: readonly string[];
  readonly silent: boolean;
  private seq = 0;
  constructor(session: 0 | 1, index: number, op: '+' | '-' | '', flags: readonly string[], silent: boolean) {
    super(session);
    this.index = index;
    this.op = op;
    this.flags = flags;
    this.silent = silent;
  }
  line(): string {
    return `t STORE ${this.seq || `#${this.index}`} ${this.op}FLAGS${this.silent ? '.SILENT' : ''} (${this.flags.join(' ')})`;
  }
  override check(model: Readonly<Model>): boolean {
    return model.views[this.session].length > 0;
  }
  run(model: Model, real: Real): void {
    const view = model.views[this.session];
    this.seq = (this.index % view.length) + 1;
    const uid = view[this.seq - 1] ?? 0;
    arrivals(model, this.session);
    const flags = model.folders.INBOX.messages.get(uid);
    if (flags) {
      if (this.op === '') flags.clear();
      for (const flag of this.flags) {
        if (this.op === '-') flags.delete(flag);
        else flags.add(flag);
      }
    }
    const lines = send(real, this.session, this.line());
    expect(lines.filter((line) => line.endsWith('EXPUNGE'))).toEqual([]);
    const tagged = observe(real, this.session, lines, 't');
    expect(tagged).toBe(flags ? 't OK STORE completed' : 't NO [EXPUNGEISSUED] Some of the requested messages no longer exist');
    // The client knows what it asked for, even when the server stays silent about it.
    if (flags && this.silent) real.mirrors[this.session].flags.set(uid, key(flags));
    checkMirror(model, real, this.session);
  }
}

class CopyOrMove extends SessionCommand {
  readonly index: number;
  readonly move: boolean;
  readonly target: FolderName;
  private seq = 0;
  constructor(session: 0 | 1, index: number, move: boolean, target: FolderName) {
    super(session);
    this.index = index;
    this.move = move;
    this.target = target;
  }
  line(): string {
    return `t ${this.move ? 'MOVE' : 'COPY'} ${this.seq || `#${this.index}`} ${this.target}`;
  }
  override check(model: Readonly<Model>): boolean {
    return model.views[this.session].length > 0;
  }
  run(model: Model, real: Real): void {
    const view = model.views[this.session];
    this.seq = (this.index % view.length) + 1;
    const uid = view[this.seq - 1] ?? 0;
    arrivals(model, this.session);
    const flags = model.folders.INBOX.messages.get(uid);
    const copy = flags ? addMessage(model, this.target, flags) : undefined;
    if (flags && this.move) model.folders.INBOX.messages.delete(uid);
    // A refused command still ends with the news it may carry.
    synced(model, this.session);
    const tagged = observe(real, this.session, send(real, this.session, this.line()), 't');
    if (copy === undefined) expect(tagged).toBe('t NO [EXPUNGEISSUED] Some of the requested messages no longer exist');
    else if (this.move) expect(tagged).toBe('t OK MOVE completed');
    else expect(tagged).toMatch(new RegExp(`^t OK \\[COPYUID \\d+ ${uid} ${copy}\\] COPY completed$`));
    checkMirror(model, real, this.session);
  }
}

class Expunge extends SessionCommand {
  line(): string {
    return 't EXPUNGE';
  }
  run(model: Model, real: Real): void {
    for (const [uid, flags] of model.folders.INBOX.messages) if (flags.has('\\Deleted')) model.folders.INBOX.messages.delete(uid);
    synced(model, this.session);
    expect(observe(real, this.session, send(real, this.session, this.line()), 't')).toBe('t OK EXPUNGE completed');
    checkMirror(model, real, this.session);
  }
}

class Noop extends SessionCommand {
  line(): string {
    return 't NOOP';
  }
  run(model: Model, real: Real): void {
    synced(model, this.session);
    expect(observe(real, this.session, send(real, this.session, this.line()), 't')).toBe('t OK NOOP completed');
    checkMirror(model, real, this.session);
  }
}

const session = fc.constantFrom<0 | 1>(0, 1);
const flagSet = fc.subarray([...FLAGS]);
const commands = [
  fc.tuple(session, fc.constantFrom<FolderName>('INBOX', 'Other'), flagSet).map(([s, folder, flags]) => new Append(s, folder, flags)),
  fc.tuple(session, fc.nat(20), fc.constantFrom<'+' | '-' | ''>('+', '-', ''), flagSet, fc.boolean()).map(([s, index, op, flags, silent]) => new Store(s, index, op, flags, silent)),
  fc.tuple(session, fc.nat(20), fc.boolean(), fc.constantFrom<FolderName>('INBOX', 'Other')).map(([s, index, move, target]) => new CopyOrMove(s, index, move, target)),
  session.map((s) => new Expunge(s)),
  session.map((s) => new Noop(s)),
];

function setUp(): { model: Model; real: Real } {
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

describe('two sessions on one mailbox, against a model', () => {
  it('keep their sequence numbers, flags and news consistent with the folder', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (sequence) => {
        const { model, real } = setUp();
        fc.modelRun(() => ({ model, real }), sequence);
        expect(real.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
