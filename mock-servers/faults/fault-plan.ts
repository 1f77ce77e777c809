import { describeFault, type FaultProtocol, type FaultRule, type SmtpFaultReply } from './fault-rules.ts';
import { seededRandom } from './seeded-random.ts';
import { validateRule } from './validate-rule.ts';

/** What a fault did, for transcripts and for tests that assert a fault really fired. */
export interface FaultEvent {
  readonly protocol: FaultProtocol;
  readonly rule: string;
  readonly detail: string;
}

export interface SmtpRecipientContext {
  readonly remoteAddress: string;
  readonly from: string;
  readonly to: string;
}

export interface ImapCommandFailure {
  readonly status: 'NO' | 'BAD';
  readonly text: string;
}

export interface FaultPlanOptions {
  /** Seed of the generator behind probabilistic rules; the same seed replays the same faults. */
  readonly seed?: number;
  /** The server's clock, for greylisting's retry delay. */
  readonly clock?: () => Date;
}

interface ActiveRule {
  readonly rule: FaultRule;
  /** How often the rule's counted event happened since it was added. */
  count: number;
}

/**
 * The scripted faults of one mock mail server. The servers ask it at fixed points (a RCPT TO, a
 * new transaction, a command, a FETCH response) and it answers from counters, so a run with the
 * same rules and the same traffic fails the same way every time.
 */
export class FaultPlan {
  private readonly rules: ActiveRule[] = [];
  private readonly listeners = new Set<(event: FaultEvent) => void>();
  private readonly greylistFirstSeen = new Map<string, number>();
  private readonly clock: () => Date;
  private readonly seed: number;
  private random: () => number;
  private acceptedMessages = 0;

  constructor(options: FaultPlanOptions = {}) {
    this.seed = options.seed ?? 1;
    this.random = seededRandom(this.seed);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Adds a rule; the returned function removes it again. */
  add(rule: FaultRule): () => void {
    validateRule(rule);
    const active: ActiveRule = { rule, count: 0 };
    this.rules.push(active);
    return () => {
      const index = this.rules.indexOf(active);
      if (index >= 0) this.rules.splice(index, 1);
    };
  }

  /** Removes one rule added earlier (the same object); false when it is not in force. */
  remove(rule: FaultRule): boolean {
    const index = this.rules.findIndex((active) => active.rule === rule);
    if (index >= 0) this.rules.splice(index, 1);
    return index >= 0;
  }

  /** Removes every rule and forgets all counters, greylist entries and the random sequence. */
  clear(): void {
    this.rules.length = 0;
    this.greylistFirstSeen.clear();
    this.acceptedMessages = 0;
    this.random = seededRandom(this.seed);
  }

  active(): readonly FaultRule[] {
    return this.rules.map((active) => active.rule);
  }

  onFault(listener: (event: FaultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asked at each RCPT TO: a reply refuses the recipient, undefined lets it through. */
  smtpRecipient(context: SmtpRecipientContext): SmtpFaultReply | undefined {
    let refusal: SmtpFaultReply | undefined;
    for (const active of this.rulesOf('refuse-recipient')) {
      const { rule } = active;
      active.count += 1;
      if (refusal) continue;
      const byCount = rule.nth === undefined || active.count === rule.nth;
      const byAddress = rule.address === undefined || rule.address.toLowerCase() === context.to.toLowerCase();
      const byChance = rule.probability === undefined || this.random() < rule.probability;
      if (byCount && byAddress && byChance) {
        refusal = { code: rule.code, message: rule.message ?? defaultRecipientMessage(rule.code, context.to) };
        this.emit('smtp', rule, `RCPT TO:<${context.to}> refused with ${rule.code}`);
      }
    }
    return refusal ?? this.greylist(context);
  }

  /** Asked when a client starts a transaction (MAIL FROM): a 421 reply means "close now". */
  smtpTransaction(): SmtpFaultReply | undefined {
    for (const active of this.rulesOf('throttle')) {
      if (this.acceptedMessages >= active.rule.afterMessages) {
        this.emit('smtp', active.rule, `transaction refused after ${this.acceptedMessages} message(s)`);
        return { code: 421, message: '4.7.0 Too many messages, closing connection; try again later' };
      }
    }
    return undefined;
  }

  /** Told each time a message is accepted, for the throttle's count. */
  smtpMessageAccepted(): void {
    this.acceptedMessages += 1;
  }

  /** How long to hold each reply of the protocol back, in real milliseconds. */
  replyDelayMs(protocol: FaultProtocol): number {
    return this.rulesOf('slow').filter((active) => active.rule.protocol === protocol).reduce((sum, active) => sum + active.rule.delayMs, 0);
  }

  /**
   * Asked before a connection's command is handled, with the 1-based number of that command on
   * its connection: true means drop the connection without replying.
   */
  dropBeforeCommand(protocol: FaultProtocol, commandNumber: number): boolean {
    for (const active of this.rulesOf('drop-after-commands')) {
      if (active.rule.protocol === protocol && commandNumber > active.rule.commands) {
        this.emit(protocol, active.rule, `connection dropped at command #${commandNumber}`);
        return true;
      }
    }
    return false;
  }

  /** Asked before an IMAP command runs: a failure replaces the command's normal outcome. */
  imapCommand(command: string): ImapCommandFailure | undefined {
    const name = command.toUpperCase();
    let failure: ImapCommandFailure | undefined;
    for (const active of this.rulesOf('fail-command')) {
      const { rule } = active;
      if (rule.command.toUpperCase() !== name) continue;
      active.count += 1;
      if (failure || (rule.nth !== undefined && active.count !== rule.nth)) continue;
      failure = { status: rule.status, text: rule.text ?? `${name} failed (scripted fault)` };
      this.emit('imap', rule, `${name} answered ${rule.status}`);
    }
    return failure;
  }

  /**
   * Asked when a FETCH starts: a number means "drop the connection after writing that many
   * FETCH responses of this command"; undefined lets the FETCH finish.
   */
  fetchDropPoint(): number | undefined {
    let point: number | undefined;
    for (const active of this.rulesOf('drop-mid-fetch')) {
      active.count += 1;
      if (point !== undefined || (active.rule.nth !== undefined && active.count !== active.rule.nth)) continue;
      point = active.rule.afterResponses;
      this.emit('imap', active.rule, `FETCH will be cut after ${point} response(s)`);
    }
    return point;
  }

  private greylist(context: SmtpRecipientContext): SmtpFaultReply | undefined {
    const rule = this.rulesOf('greylist')[0]?.rule;
    if (!rule) return undefined;
    const triple = `${context.remoteAddress}|${context.from.toLowerCase()}|${context.to.toLowerCase()}`;
    const now = this.clock().getTime();
    const firstSeen = this.greylistFirstSeen.get(triple);
    if (firstSeen === undefined) {
      this.greylistFirstSeen.set(triple, now);
    } else if (now - firstSeen >= rule.retryAfterMs) {
      return undefined;
    }
    this.emit('smtp', rule, `RCPT TO:<${context.to}> greylisted`);
    // Postfix with postgrey words it so; naming the recipient tells a sender which one to retry.
    return { code: 451, message: `4.7.1 <${context.to}>: Recipient address rejected: Greylisted, please try again later` };
  }

  private rulesOf<K extends FaultRule['kind']>(kind: K): Array<ActiveRule & { rule: Extract<FaultRule, { kind: K }> }> {
    return this.rules.filter((active): active is ActiveRule & { rule: Extract<FaultRule, { kind: K }> } => active.rule.kind === kind);
  }

  private emit(protocol: FaultProtocol, rule: FaultRule, detail: string): void {
    const event: FaultEvent = { protocol, rule: describeFault(rule), detail };
    for (const listener of [...this.listeners]) listener(event);
  }
}

function defaultRecipientMessage(code: number, to: string): string {
  return code >= 500 ? `5.1.1 <${to}>: Recipient address rejected (scripted fault)` : `4.2.1 <${to}>: Recipient address temporarily rejected (scripted fault)`;
}
