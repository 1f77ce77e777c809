import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultPlan, type FaultEvent } from './index.ts';

const rcpt = (to: string, from = 'a@outside.test', remoteAddress = '127.0.0.1') => ({ remoteAddress, from, to });

describe('FaultPlan: SMTP recipients', () => {
  it('refuses exactly the Nth RCPT TO, counted across sessions', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'refuse-recipient', nth: 2, code: 550 });
    const replies = ['x@a.test', 'y@a.test', 'z@a.test'].map((to) => plan.smtpRecipient(rcpt(to)));
    expect(replies.map((reply) => reply?.code)).toEqual([undefined, 550, undefined]);
  });

  it('refuses a given address with its code, whatever its case', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'refuse-recipient', address: 'Bob@Acme.test', code: 452, message: '4.2.2 Mailbox full' });
    expect(plan.smtpRecipient(rcpt('bob@acme.test'))).toEqual({ code: 452, message: '4.2.2 Mailbox full' });
    expect(plan.smtpRecipient(rcpt('ann@acme.test'))).toBeUndefined();
  });

  it('draws probabilistic refusals from the seed, so the same seed refuses the same recipients', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const run = () => {
          const plan = new FaultPlan({ seed });
          plan.add({ kind: 'refuse-recipient', probability: 0.5, code: 451 });
          return Array.from({ length: 20 }, (_, i) => plan.smtpRecipient(rcpt(`r${i}@a.test`))?.code ?? 250);
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 25 },
    );
  });

  it('greylists the first attempt of a triple and accepts a retry after the delay (RFC 6647)', () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const plan = new FaultPlan({ clock: () => new Date(now) });
    plan.add({ kind: 'greylist', retryAfterMs: 300_000 });
    expect(plan.smtpRecipient(rcpt('bob@acme.test'))?.code).toBe(451);
    now += 60_000;
    expect(plan.smtpRecipient(rcpt('bob@acme.test'))?.code).toBe(451);
    now += 240_000;
    expect(plan.smtpRecipient(rcpt('bob@acme.test'))).toBeUndefined();
    expect(plan.smtpRecipient(rcpt('ann@acme.test'))?.code).toBe(451);
  });

  it('throttles with 421 once N messages were accepted', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'throttle', afterMessages: 2 });
    expect(plan.smtpTransaction()).toBeUndefined();
    plan.smtpMessageAccepted();
    expect(plan.smtpTransaction()).toBeUndefined();
    plan.smtpMessageAccepted();
    expect(plan.smtpTransaction()?.code).toBe(421);
  });
});

describe('FaultPlan: connections and IMAP', () => {
  it('drops a connection at the command after the allowed count, per protocol', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'drop-after-commands', protocol: 'imap', commands: 2 });
    expect([1, 2, 3].map((n) => plan.dropBeforeCommand('imap', n))).toEqual([false, false, true]);
    expect(plan.dropBeforeCommand('smtp', 3)).toBe(false);
  });

  it('fails only the Nth use of a command, whatever its case', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'fail-command', command: 'select', status: 'NO', nth: 2 });
    expect(plan.imapCommand('SELECT')).toBeUndefined();
    expect(plan.imapCommand('Select')).toEqual({ status: 'NO', text: 'SELECT failed (scripted fault)' });
    expect(plan.imapCommand('SELECT')).toBeUndefined();
    expect(plan.imapCommand('FETCH')).toBeUndefined();
  });

  it('cuts only the chosen FETCH', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'drop-mid-fetch', afterResponses: 3, nth: 2 });
    expect([plan.fetchDropPoint(), plan.fetchDropPoint(), plan.fetchDropPoint()]).toEqual([undefined, 3, undefined]);
  });

  it('adds up slow rules per protocol', () => {
    const plan = new FaultPlan();
    plan.add({ kind: 'slow', protocol: 'smtp', delayMs: 50 });
    plan.add({ kind: 'slow', protocol: 'smtp', delayMs: 25 });
    expect(plan.replyDelayMs('smtp')).toBe(75);
    expect(plan.replyDelayMs('imap')).toBe(0);
  });

  it('reports every fault that fired, and removing or clearing rules stops them', () => {
    const plan = new FaultPlan();
    const events: FaultEvent[] = [];
    plan.onFault((event) => events.push(event));
    const remove = plan.add({ kind: 'refuse-recipient', address: 'bob@acme.test', code: 550 });
    plan.smtpRecipient(rcpt('bob@acme.test'));
    remove();
    expect(plan.smtpRecipient(rcpt('bob@acme.test'))).toBeUndefined();
    plan.add({ kind: 'throttle', afterMessages: 0 });
    plan.clear();
    expect(plan.smtpTransaction()).toBeUndefined();
    expect(events).toEqual([{ protocol: 'smtp', rule: 'refuse <bob@acme.test> with 550', detail: 'RCPT TO:<bob@acme.test> refused with 550' }]);
  });

  it('refuses rules that could never fire', () => {
    const plan = new FaultPlan();
    expect(() => plan.add({ kind: 'refuse-recipient', code: 250 })).toThrow(/4xx or 5xx/);
    expect(() => plan.add({ kind: 'refuse-recipient', nth: 0, code: 550 })).toThrow(/nth must be a whole number/);
    expect(() => plan.add({ kind: 'fail-command', command: 'A B', status: 'NO' })).toThrow(/not an IMAP command/);
  });
});
