import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import type { SMTPServer } from 'smtp-server';

/**
 * smtp-server greets a new connection only after a fixed pause of 100 ms: in
 * `node_modules/smtp-server/dist/esm/smtp-connection.js`, `init()` ends with
 * `setTimeout(() => this.connectionReady(), 100)`, a window in which a client that talks before
 * the greeting is caught ("421 … You talk too soon"; Postfix's postscreen calls it the pregreet
 * test). No option removes the pause, and a scenario opens about one SMTP connection, so most of a
 * feature run used to be this timer.
 *
 * `greetAtOnce(server)` makes that server's connections start as smtp-server's own `init()` does,
 * less the pause: listeners on the socket, the client limit, then `connectionReady()` at once.
 * The early-talker answer stays wherever the greeting is still pending: while `onConnect` or a TLS
 * handshake has not finished (a slow-reply fault delays `onConnect`), a command gets `421 … You
 * talk too soon` as before. Other servers in the process (a benchmark's bare smtp-server) keep the
 * pause: the switch is per server.
 *
 * smtp-server's version is pinned in package.json; `immediate-greeting.test.ts` fails, naming the
 * file above, when the installed package no longer has the shape relied on here.
 */

/** The parts of smtp-server's connection that starting one touches. */
export interface StartableConnection {
  readonly _server: SMTPServer & { readonly connections: Set<unknown> };
  _setListeners(callback: () => void): void;
  connectionReady(next?: () => void): void;
  send(code: number, data?: unknown, context?: unknown): void;
  readonly name: string;
  init(): void;
}

// Global symbols: a second copy of this module (a test runner's fresh module graph over the same
// smtp-server) finds the prototype already switched and the original `init` kept.
const GREET_AT_ONCE = Symbol.for('mock-mail-server.greet-at-once');
const PAUSING_INIT = Symbol.for('mock-mail-server.pausing-init');
type Switchable = SMTPServer & { [GREET_AT_ONCE]?: boolean };
type SwitchablePrototype = StartableConnection & { [PAUSING_INIT]?: () => void };

const connectionPrototype = (SMTPConnection as unknown as { prototype: SwitchablePrototype }).prototype;
connectionPrototype[PAUSING_INIT] ??= connectionPrototype.init;
const pausingInit = connectionPrototype[PAUSING_INIT];

/** What smtp-server's `init()` does, without the 100 ms pause before `connectionReady()`. */
function initWithoutPause(this: StartableConnection): void {
  this._setListeners(() => {
    const { maxClients } = this._server.options;
    if (maxClients && this._server.connections.size > maxClients) {
      this.send(421, `${this.name} Too many connected clients, try again in a moment`, false);
      return;
    }
    this.connectionReady();
  });
}

if (typeof pausingInit === 'function' && connectionPrototype.init === pausingInit) {
  connectionPrototype.init = function init(this: StartableConnection) {
    if ((this._server as Switchable)[GREET_AT_ONCE]) initWithoutPause.call(this);
    else pausingInit.call(this);
  };
}

/** From now on, this server's new connections are greeted without smtp-server's pause. */
export function greetAtOnce(server: SMTPServer): void {
  (server as Switchable)[GREET_AT_ONCE] = true;
}

/**
 * Whether the installed smtp-server still has what `greetAtOnce` relies on; the reasons when not.
 * Checked by a test, so an upgrade that changes the shape fails loudly instead of running slow.
 */
export function immediateGreetingShapeProblems(): string[] {
  const problems: string[] = [];
  for (const method of ['_setListeners', 'connectionReady', 'send'] as const) {
    if (typeof connectionPrototype[method] !== 'function') problems.push(`SMTPConnection.prototype.${method} is no longer a function`);
  }
  const source = typeof pausingInit === 'function' ? String(pausingInit) : '';
  if (!source.includes('_setListeners')) problems.push('init() no longer starts with this._setListeners(…)');
  if (!/setTimeout\(\s*\(\)\s*=>\s*this\.connectionReady\(\)/.test(source)) problems.push('init() no longer calls connectionReady() from a timer');
  if (!source.includes('maxClients')) problems.push('init() no longer checks options.maxClients');
  return problems;
}
