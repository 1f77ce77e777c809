import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Crm } from './crm.ts';
import type { NewSenderEntity } from './mailboxes/mailbox-settings.ts';
import { normaliseEmail } from './matching/normalise.ts';
import type { IntakeOutcome } from './routing/outcome.ts';
import { inbound, world, type World } from './testing.ts';

/**
 * Model-based test of intake: random syncs, re-syncs, "Save to CRM" presses and settings changes,
 * checked against a model far simpler than the CRM. Each command prints like a transcript line,
 * so a shrunk failure reads as a scenario.
 */

interface Model {
  integration: boolean;
  spamFolder: string;
  createForNewSender: NewSenderEntity;
  /** Places (folder, UIDVALIDITY, UID) already handed over. */
  readonly places: Set<string>;
  /** Message-IDs that are in the CRM. */
  readonly saved: Set<string>;
  /** Normalised sender addresses the CRM has an item for. */
  readonly known: Set<string>;
  /** The mailbox's message list, in order. */
  readonly listed: Array<{ messageId: string; sender: string }>;
}

type Real = World;
type Command = fc.Command<Model, Real>;

function expectOutcome(outcome: IntakeOutcome, expected: string): void {
  expect(outcome.saved ? 'saved' : outcome.reason).toBe(expected);
}

class Receive implements Command {
  readonly folder: string;
  readonly uidValidity: number;
  readonly uid: number;
  readonly messageId: string;
  readonly sender: string;
  readonly seen: boolean;

  constructor(folder: string, uidValidity: number, uid: number, messageId: string, sender: string, seen: boolean) {
    this.folder = folder;
    this.uidValidity = uidValidity;
    this.uid = uid;
    this.messageId = messageId;
    this.sender = sender;
    this.seen = seen;
  }

  check(): boolean {
    return true;
  }

  run(model: Model, real: Real): void {
    const place = `${this.folder}/${this.uidValidity}/${this.uid}`;
    const outcome = real.crm.receiveMailboxMessage(
      real.mailbox.id,
      inbound({
        folder: this.folder,
        uidValidity: this.uidValidity,
        uid: this.uid,
        messageId: this.messageId,
        from: [{ address: this.sender }],
        seen: this.seen,
      }),
    );
    if (model.places.has(place)) return expectOutcome(outcome, 'duplicate');
    model.places.add(place);
    const sender = normaliseEmail(this.sender);
    model.listed.push({ messageId: this.messageId, sender });
    expectOutcome(outcome, this.expected(model, sender));
    if (outcome.saved) {
      model.saved.add(this.messageId);
      model.known.add(sender);
      expect(outcome.activity.completed).toBe(this.seen); // R5.4
    }
  }

  private expected(model: Model, sender: string): string {
    if (model.saved.has(this.messageId)) return 'already-saved'; // R1.5
    if (!model.integration) return 'integration-off'; // R1.1
    if (this.folder === model.spamFolder) return 'spam-folder'; // R1.2, R1.3
    if (this.folder === 'Trash') return 'trash-or-drafts'; // R1.2
    if (model.spamFolder === 'INBOX') return 'spam-moved-to-inbox'; // R1.3: every incoming folder
    if (!model.known.has(sender) && model.createForNewSender === 'off') return 'new-sender-creation-off'; // R2.7
    return 'saved';
  }

  toString(): string {
    return `receive ${this.messageId} from "${this.sender}" in ${this.folder} (UIDVALIDITY ${this.uidValidity}, UID ${this.uid}${this.seen ? ', read' : ''})`;
  }
}

class SaveToCrm implements Command {
  readonly actor: 'anna' | 'boris' | 'clara';
  readonly index: number;

  constructor(actor: 'anna' | 'boris' | 'clara', index: number) {
    this.actor = actor;
    this.index = index;
  }

  check(model: Readonly<Model>): boolean {
    return model.listed.length > 0;
  }

  run(model: Model, real: Real): void {
    const position = this.index % model.listed.length;
    const listed = model.listed[position]!;
    const message = real.crm.mailboxMessages(real.mailbox.id)[position]!;
    expect(message.messageId).toBe(listed.messageId);
    if (this.actor === 'clara') {
      // R3.1: no mailbox access, no "Save to CRM".
      expect(() => real.crm.saveToCrm(real.clara.id, message.id)).toThrow(expect.objectContaining({ code: 'CRM.MAILBOX_ACCESS_DENIED' }));
      return;
    }
    const outcome = real.crm.saveToCrm(real[this.actor].id, message.id);
    // R3.2: a manual save always ends in an activity, unless it is already there (R3.3).
    if (model.saved.has(listed.messageId)) return expectOutcome(outcome, 'already-saved');
    expectOutcome(outcome, 'saved');
    model.saved.add(listed.messageId);
    model.known.add(listed.sender);
  }

  toString(): string {
    return `${this.actor} presses "Save to CRM" on message #${this.index}`;
  }
}

class ChangeSetting implements Command {
  readonly patch: Partial<Pick<Model, 'integration' | 'spamFolder' | 'createForNewSender'>>;

  constructor(patch: ChangeSetting['patch']) {
    this.patch = patch;
  }

  check(): boolean {
    return true;
  }

  run(model: Model, real: Real): void {
    const { integration, ...rest } = this.patch;
    real.crm.updateMailboxSettings(real.anna.id, real.mailbox.id, {
      ...rest,
      ...(integration !== undefined && { crmIntegration: integration }),
    });
    Object.assign(model, this.patch);
  }

  toString(): string {
    return `anna sets ${JSON.stringify(this.patch)}`;
  }
}

const senders = fc.constantFrom('ann@c.test', ' Ann@C.test', 'bob@c.test', 'BOB@c.test ', 'cat@c.test');

const commands = [
  fc
    .tuple(
      fc.constantFrom('INBOX', 'Spam', 'Trash', 'Archive'),
      fc.constant(1),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 6 }).map((n) => `<m${n}@c.test>`),
      senders,
      fc.boolean(),
    )
    .map((args) => new Receive(...args)),
  fc.tuple(fc.constantFrom('anna' as const, 'boris' as const, 'clara' as const), fc.nat(20)).map((args) => new SaveToCrm(...args)),
  fc.boolean().map((integration) => new ChangeSetting({ integration })),
  fc.constantFrom('INBOX', 'Spam').map((spamFolder) => new ChangeSetting({ spamFolder })),
  fc.constantFrom<NewSenderEntity>('lead', 'contact', 'off').map((createForNewSender) => new ChangeSetting({ createForNewSender })),
];

function checkInvariants(crm: Crm, model: Model): void {
  const activities = crm.emailActivities();
  // R1.5, R3.3: one activity per message at most, by Webmail entry and by Message-ID.
  expect(new Set(activities.map((a) => a.mailboxMessageId)).size).toBe(activities.length);
  expect(new Set(activities.map((a) => a.messageId)).size).toBe(activities.length);
  expect(activities.length).toBe(model.saved.size);
  for (const activity of activities) {
    const [owner] = activity.bindings;
    expect(owner).toBeDefined();
    // R4.1: the activity's responsible is its owner's.
    const ownerItem = owner!.type === 'lead' ? crm.lead(owner!.id) : crm.contact(owner!.id);
    expect(activity.responsibleId).toBe(ownerItem.responsibleId);
    // R4.2: one "New e-mail" entry per bound item, by the connector.
    for (const ref of activity.bindings) {
      const entries = crm.timeline(ref).filter((e) => e.kind === 'system' && e.activityId === activity.id);
      expect(entries).toEqual([expect.objectContaining({ title: 'New e-mail', authorId: crm.mailboxById(activity.mailboxId!).connectorId })]);
    }
  }
  // R2.2, R2.7: one item per sender, never a second one for a known address.
  expect(crm.leads().length + crm.contacts().length).toBe(model.known.size);
}

describe('intake model', () => {
  it('R1.5, R3.3, R4.1: any mix of syncs and manual saves keeps one activity per message, bound to an owner whose responsible it takes', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const setup = () => {
          const real = world();
          // Two people in the queue, so the owner's responsible is not always the connector (R4.1, R4.4).
          real.crm.updateMailboxSettings(real.anna.id, real.mailbox.id, { responsibleQueue: [real.boris.id, real.anna.id] });
          real.crm.updateCrmSettings(real.admin.id, { repeatSalesMode: false });
          const model: Model = {
            integration: true,
            spamFolder: 'Spam',
            createForNewSender: 'lead',
            places: new Set(),
            saved: new Set(),
            known: new Set(),
            listed: [],
          };
          return { model, real };
        };
        fc.modelRun(setup, [...cmds].map((cmd) => wrap(cmd)));
      }),
      { numRuns: 200 },
    );
  });
});

/** Checks the invariants after every command, so a failure points at the step that broke them. */
function wrap(command: Command): Command {
  return {
    check: (model) => command.check(model),
    run: (model, real) => {
      command.run(model, real);
      checkInvariants(real.crm, model);
    },
    toString: () => command.toString(),
  };
}
