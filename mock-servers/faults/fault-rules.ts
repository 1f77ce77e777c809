/**
 * The faults a test can script into the mock mail server. Every rule is deterministic: it fires
 * on a counted event (the Nth recipient, the Nth message, the Nth command), never at random,
 * unless it carries a probability, which is then drawn from the plan's seeded generator.
 */
export type FaultProtocol = 'smtp' | 'imap';

/** An SMTP reply a fault answers with instead of the normal one (RFC 5321 §4.2). */
export interface SmtpFaultReply {
  readonly code: number;
  readonly message: string;
}

/** Refuse a recipient: the Nth RCPT TO since the rule was added, or every RCPT TO for an address. */
export interface RefuseRecipientRule {
  readonly kind: 'refuse-recipient';
  /** 1-based count of RCPT TO commands, across all sessions, since the rule was added. */
  readonly nth?: number;
  /** Refuse this address (compared case-insensitively). */
  readonly address?: string;
  /** Refuse with this probability (0–1), drawn from the plan's seeded generator. */
  readonly probability?: number;
  readonly code: number;
  readonly message?: string;
}

/**
 * Greylisting (RFC 6647): the first attempt of a (client, sender, recipient) triple gets a 451;
 * a retry at least `retryAfterMs` later (by the server's clock) is accepted.
 */
export interface GreylistRule {
  readonly kind: 'greylist';
  readonly retryAfterMs: number;
}

/** After N accepted messages every new transaction gets 421 and the connection is closed. */
export interface ThrottleRule {
  readonly kind: 'throttle';
  readonly afterMessages: number;
}

/** Every reply of the protocol is held back by this many real milliseconds. */
export interface SlowRule {
  readonly kind: 'slow';
  readonly protocol: FaultProtocol;
  readonly delayMs: number;
}

/** Each connection is dropped, without a reply, when it sends its (N+1)th command. */
export interface DropAfterCommandsRule {
  readonly kind: 'drop-after-commands';
  readonly protocol: FaultProtocol;
  readonly commands: number;
}

/** The Nth FETCH (default: every FETCH) drops the connection after this many FETCH responses. */
export interface DropMidFetchRule {
  readonly kind: 'drop-mid-fetch';
  readonly afterResponses: number;
  readonly nth?: number;
}

/** The Nth use (default: every use) of an IMAP command is answered NO or BAD. */
export interface FailCommandRule {
  readonly kind: 'fail-command';
  readonly command: string;
  readonly status: 'NO' | 'BAD';
  readonly text?: string;
  readonly nth?: number;
}

export type FaultRule =
  | RefuseRecipientRule
  | GreylistRule
  | ThrottleRule
  | SlowRule
  | DropAfterCommandsRule
  | DropMidFetchRule
  | FailCommandRule;

/** One line a transcript can show when a fault fires. */
export function describeFault(rule: FaultRule): string {
  switch (rule.kind) {
    case 'refuse-recipient': {
      const which = [
        rule.nth !== undefined ? `recipient #${rule.nth}` : undefined,
        rule.address !== undefined ? `<${rule.address}>` : undefined,
        rule.probability !== undefined ? `p=${rule.probability}` : undefined,
      ].filter(Boolean).join(' ');
      return `refuse ${which || 'every recipient'} with ${rule.code}`;
    }
    case 'greylist':
      return `greylist, retry accepted after ${rule.retryAfterMs} ms`;
    case 'throttle':
      return `421 after ${rule.afterMessages} message(s)`;
    case 'slow':
      return `${rule.protocol.toUpperCase()} replies delayed ${rule.delayMs} ms`;
    case 'drop-after-commands':
      return `${rule.protocol.toUpperCase()} connection dropped after ${rule.commands} command(s)`;
    case 'drop-mid-fetch':
      return `${rule.nth !== undefined ? `FETCH #${rule.nth}` : 'every FETCH'} dropped after ${rule.afterResponses} response(s)`;
    case 'fail-command':
      return `${rule.nth !== undefined ? `${rule.command} #${rule.nth}` : `every ${rule.command}`} answered ${rule.status}`;
  }
}
