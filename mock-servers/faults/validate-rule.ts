import type { FaultRule } from './fault-rules.ts';

function positiveInteger(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`${name} must be a whole number from 1 up, not ${value}`);
}

function nonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be 0 or more, not ${value}`);
}

/** Rejects a rule that could never fire or would fire in a way SMTP/IMAP cannot express. */
export function validateRule(rule: FaultRule): void {
  switch (rule.kind) {
    case 'refuse-recipient':
      positiveInteger(rule.nth, 'nth');
      if (!Number.isInteger(rule.code) || rule.code < 400 || rule.code > 599) {
        throw new Error(`A refused recipient needs a 4xx or 5xx reply code, not ${rule.code}`);
      }
      if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
        throw new Error(`probability must be between 0 and 1, not ${rule.probability}`);
      }
      return;
    case 'greylist':
      nonNegative(rule.retryAfterMs, 'retryAfterMs');
      return;
    case 'throttle':
      nonNegative(rule.afterMessages, 'afterMessages');
      if (!Number.isInteger(rule.afterMessages)) throw new Error(`afterMessages must be a whole number, not ${rule.afterMessages}`);
      return;
    case 'slow':
      nonNegative(rule.delayMs, 'delayMs');
      return;
    case 'drop-after-commands':
      nonNegative(rule.commands, 'commands');
      if (!Number.isInteger(rule.commands)) throw new Error(`commands must be a whole number, not ${rule.commands}`);
      return;
    case 'drop-mid-fetch':
      nonNegative(rule.afterResponses, 'afterResponses');
      positiveInteger(rule.nth, 'nth');
      return;
    case 'fail-command':
      positiveInteger(rule.nth, 'nth');
      if (!/^[A-Za-z]+$/.test(rule.command)) throw new Error(`"${rule.command}" is not an IMAP command name`);
      return;
  }
}
