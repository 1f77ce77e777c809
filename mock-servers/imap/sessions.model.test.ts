import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMessage, arrivals, checkMirror, FLAGS, key, observe, send, setUp, synced, type FolderName, type Model, type Real } from './test-support/two-session-model.ts';

/**
 * Model-based test of two sessions on one INBOX (RFC 3501 §5.2, §7.4.1): random sequences of
 * APPEND, STORE, COPY, MOVE, EXPUNGE and NOOP, each run by one of the two sessions, checked
 * against a simple model of the folders and of what each session's client has been told.
 * Each client is mirrored only from the server's responses (EXISTS, EXPUNGE, FETCH FLAGS), as
 * a real client would; the mirror must match the model after every command.
 */

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

/** A command on one message of the session's view, picked by index, named by sequence number. */
abstract class MessageCommand extends SessionCommand {
  readonly index: number;
  protected seq = 0;
  constructor(session: 0 | 1, index: number) {
    super(session);
    this.index = index;
  }
  override check(model: Readonly<Model>): boolean {
    return model.views[this.session].length > 0;
  }
  /** Picks the message in the session's view, remembers its sequence number, and gives its UID. */
  protected pick(model: Model): number {
    const view = model.views[this.session];
    this.seq = (this.index % view.length) + 1;
    return view[this.seq - 1] ?? 0;
  }
}

class Store extends MessageCommand {
  readonly op: '+' | '-' | '';
  readonly flags: readonly string[];
  readonly silent: boolean;
  constructor(session: 0 | 1, index: number, op: '+' | '-' | '', flags: readonly string[], silent: boolean) {
    super(session, index);
    this.op = op;
    this.flags = flags;
    this.silent = silent;
  }
  line(): string {
    return `t STORE ${this.seq || `#${this.index}`} ${this.op}FLAGS${this.silent ? '.SILENT' : ''} (${this.flags.join(' ')})`;
  }
  run(model: Model, real: Real): void {
    const uid = this.pick(model);
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

class CopyOrMove extends MessageCommand {
  readonly move: boolean;
  readonly target: FolderName;
  constructor(session: 0 | 1, index: number, move: boolean, target: FolderName) {
    super(session, index);
    this.move = move;
    this.target = target;
  }
  line(): string {
    return `t ${this.move ? 'MOVE' : 'COPY'} ${this.seq || `#${this.index}`} ${this.target}`;
  }
  run(model: Model, real: Real): void {
    const uid = this.pick(model);
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
