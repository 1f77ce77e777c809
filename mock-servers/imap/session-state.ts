import type { Account, Folder } from '../store/index.ts';
import { MailboxView } from './mailbox/mailbox-view.ts';

/**
 * The IMAP session states (RFC 3501 §3), all in one closed union. Every command declares the
 * states it is allowed in, and only the dispatcher moves a session from one state to another.
 */
export type SessionState = NotAuthenticated | Authenticated | Selected | Logout;

export interface NotAuthenticated {
  readonly kind: 'not-authenticated';
}

export interface Authenticated {
  readonly kind: 'authenticated';
  readonly account: Account;
}

export interface Selected {
  readonly kind: 'selected';
  readonly account: Account;
  readonly folder: Folder;
  /** Opened with EXAMINE (RFC 3501 §6.3.2): nothing, \Seen included, may change. */
  readonly readOnly: boolean;
  /**
   * What the client knows of the mailbox: sequence numbers, reported flags, \Recent. Changes
   * made elsewhere reach the client only through it, at the moments RFC 3501 §7.4.1 allows.
   */
  readonly view: MailboxView;
}

export interface Logout {
  readonly kind: 'logout';
}

export type SessionStateName = SessionState['kind'];

/** The state of a given kind, for handlers that only run in some states. */
export type StateOf<K extends SessionStateName> = Extract<SessionState, { kind: K }>;

export const NOT_AUTHENTICATED: NotAuthenticated = { kind: 'not-authenticated' };
export const LOGOUT: Logout = { kind: 'logout' };

export function authenticated(account: Account): Authenticated {
  return { kind: 'authenticated', account };
}

export function selected(account: Account, folder: Folder, readOnly: boolean): Selected {
  return { kind: 'selected', account, folder, readOnly, view: new MailboxView(account, folder, readOnly) };
}

/** The messages the client may address, in sequence-number order (seq = index + 1). */
export function visibleMessages(state: Selected): Folder['messages'] {
  return state.view.messages;
}
