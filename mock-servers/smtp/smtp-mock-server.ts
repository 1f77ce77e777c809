import type { AddressInfo } from 'node:net';
import type { SMTPServer, SMTPServerDataStream, SMTPServerOptions, SMTPServerSession } from 'smtp-server';
import { askPlan, type FaultEvent, type FaultPlan, type SmtpFaultReply } from '../faults/index.ts';
import { normaliseAddress, type MailStore } from '../store/index.ts';
import type { TlsCredentials } from '../tls/index.ts';
import { classifyRecipient, deliver, type DeliveryReport } from './delivery.ts';
import { prependHeaders } from './header-block.ts';
import { hookConnections } from './smtp-connection-hooks.ts';
import { SmtpConnectionGuard } from './smtp-connection-guard.ts';
import { DEFAULT_SMTP_LIMITS, type SmtpLimits } from './smtp-limits.ts';
import { greetAtOnce } from './immediate-greeting.ts';
import { SmtpServerSharingTls } from './shared-tls-context.ts';
import { transcriptLogger, type SmtpLineSink } from './transcript-logger.ts';
import { requiresAuth, tlsModeOf, type SmtpListenerAddress, type SmtpListenerKind } from './listeners.ts';
import { Outbox } from './outbox.ts';
import { mailFromAnnouncesUtf8, utf8AddressRefusal } from './smtputf8.ts';
import { traceFields } from './trace-fields.ts';

export interface SmtpMockServerOptions {
  store: MailStore;
  host?: string;
  /** The inbound listener's port; 0 (the default) picks any free port. */
  port?: number;
  /** Name used in the banner and in Received: fields. */
  hostname?: string;
  /** Largest message accepted, in octets (advertised with SIZE, RFC 1870; 552 over it). */
  maxMessageSize?: number;
  /** Most recipients per transaction; more get 452 4.5.3 (RFC 5321 §4.5.3.1.10). No limit if absent. */
  maxRecipients?: number;
  /**
   * Keep smtp-server's 100 ms pause before the greeting, in which a client that talks first gets
   * `421 … You talk too soon`; without it (the default) a connection is greeted at once
   * (immediate-greeting.ts).
   */
  greetingPause?: boolean;
  /** Key and certificate: STARTTLS is offered on the plain listeners and implicit TLS is possible. */
  tls?: TlsCredentials;
  /** AUTH only once the session is encrypted (538 before STARTTLS). Needs `tls`. */
  requireTls?: boolean;
  /** Opens a submission listener (AUTH required) on this port; 0 picks any free port. */
  submissionPort?: number;
  /** Opens an implicit-TLS submission listener (like 465) on this port; needs `tls`. */
  implicitTlsPort?: number;
  /** Scripted faults: refused and greylisted recipients, throttling, slow replies, drops. */
  faults?: FaultPlan;
  /** Every command and reply line, per connection (AUTH secrets redacted). */
  transcript?: SmtpTranscript;
  /** Connection ids, when IMAP shares the sequence (the default counts from 1). */
  nextConnectionId?: () => number;
  /** Connection caps, the idle time-out and failed-AUTH handling (smtp-limits.ts for defaults). */
  limits?: Partial<SmtpLimits>;
}

/** Where a connection's lines and fired faults are recorded. */
export interface SmtpTranscript {
  readonly opened: (connectionId: number, remote: string) => void;
  readonly line: SmtpLineSink;
  readonly fault: (connectionId: number, event: FaultEvent) => void;
  /** The connection is over. */
  readonly closed?: (connectionId: number) => void;
}

export interface SmtpDeliveryEvent extends DeliveryReport {
  readonly mailFrom: string;
  readonly recipients: readonly string[];
}

interface Listener {
  readonly kind: SmtpListenerKind;
  readonly requestedPort: number;
  readonly server: SMTPServer;
}

/** An error whose responseCode smtp-server sends as the SMTP reply code. */
function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * A fault's reply. smtp-server adds its own enhanced status code to a reply that starts with
 * none, so a fault's own `4.7.1`-style code is moved out of the text into the reply's code.
 */
function faultError(reply: SmtpFaultReply): Error & { responseCode: number } {
  return smtpError(reply.code, reply.message);
}

/**
 * The SMTP side of the mock mail server, on the `smtp-server` package: accepts mail on loopback
 * ports, files it into the store for local accounts and into the outbox for everyone else.
 * Every listener shares the store, the outbox and the delivery events; they differ in whether
 * AUTH is required and how TLS starts (see listeners.ts). Where AUTH is optional (an MX accepts
 * mail from anyone) and offered, it is checked against the store's accounts all the same.
 */
export class SmtpMockServer {
  readonly outbox = new Outbox();
  private readonly store: MailStore;
  private readonly host: string;
  private readonly hostname: string;
  private readonly options: SmtpMockServerOptions;
  private readonly listeners: Listener[] = [];
  private readonly deliveryListeners = new Set<(event: SmtpDeliveryEvent) => void>();
  private traceCounter = 0;
  private lastConnectionId = 0;
  private readonly limits: SmtpLimits;
  private readonly guard: SmtpConnectionGuard;
  private idleSweep: NodeJS.Timeout | undefined;
  /** Failed AUTH attempts per open session. */
  private readonly authFailures = new Map<string, number>();

  constructor(options: SmtpMockServerOptions) {
    if (!options.tls && options.requireTls) throw new Error('requireTls needs a TLS key and certificate (the tls option)');
    if (!options.tls && options.implicitTlsPort !== undefined) throw new Error('An implicit TLS listener needs a TLS key and certificate (the tls option)');
    this.options = options;
    this.store = options.store;
    this.host = options.host ?? '127.0.0.1';
    this.hostname = options.hostname ?? 'mock-smtp.local';
    this.limits = { ...DEFAULT_SMTP_LIMITS, ...options.limits };
    this.guard = new SmtpConnectionGuard({ limits: this.limits, hostname: this.hostname, clock: options.store.clock });
    this.listeners.push(this.createListener('inbound', options.port ?? 0));
    if (options.submissionPort !== undefined) this.listeners.push(this.createListener('submission', options.submissionPort));
    if (options.implicitTlsPort !== undefined) this.listeners.push(this.createListener('implicit-tls', options.implicitTlsPort));
  }

  /** Opens every listener; resolves with the inbound one's address. If one cannot open, none stays open. */
  async listen(): Promise<AddressInfo> {
    const failure = (await Promise.allSettled(this.listeners.map((listener) => this.open(listener)))).find((r) => r.status === 'rejected');
    if (failure) {
      await this.close();
      throw failure.reason;
    }
    // Real time says when to look; idleness is read off the server's clock.
    this.idleSweep = setInterval(() => this.expireIdleConnections(), 1000);
    this.idleSweep.unref();
    return this.inbound.server.server.address() as AddressInfo;
  }

  /** The inbound listener's port, 0 before listen(). */
  get port(): number {
    return (this.inbound.server.server.address() as AddressInfo | null)?.port ?? 0;
  }

  /** Every open listener: what it is for, where, and how TLS starts on it. */
  addresses(): SmtpListenerAddress[] {
    return this.listeners.flatMap((listener) => {
      const address = listener.server.server.address() as AddressInfo | null;
      if (!address) return [];
      return [{
        kind: listener.kind,
        host: this.host,
        port: address.port,
        tls: tlsModeOf(listener.kind, this.options.tls !== undefined),
        authRequired: requiresAuth(listener.kind),
      }];
    });
  }

  /**
   * Ends every connection silent past the idle time-out by the server's clock (421 4.4.2).
   * Runs every second by itself; after moving a virtual clock a test may call it to have the
   * effect at once. Returns how many connections it ended.
   */
  expireIdleConnections(): number {
    return this.guard.expireIdle();
  }

  async close(): Promise<void> {
    clearInterval(this.idleSweep);
    await Promise.all(this.listeners.map((listener) => new Promise<void>((resolve) => listener.server.close(() => resolve()))));
  }

  /** Called after each accepted message is filed, before the client sees 250. */
  onDelivery(listener: (event: SmtpDeliveryEvent) => void): () => void {
    this.deliveryListeners.add(listener);
    return () => this.deliveryListeners.delete(listener);
  }

  private get inbound(): Listener {
    const inbound = this.listeners[0];
    if (!inbound) throw new Error('The inbound SMTP listener is missing');
    return inbound;
  }

  private open(listener: Listener): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      listener.server.server.once('error', reject);
      listener.server.listen(listener.requestedPort, this.host, () => {
        listener.server.server.off('error', reject);
        resolve();
      });
    });
  }

  private createListener(kind: SmtpListenerKind, requestedPort: number): Listener {
    const server = new SmtpServerSharingTls({ ...this.serverOptions(kind), ...this.handlers() });
    // smtp-server reports socket-level problems here; they concern one client, never the server.
    server.on('error', () => undefined);
    if (!this.options.greetingPause) greetAtOnce(server);
    hookConnections(server, {
      nextConnectionId: this.options.nextConnectionId ?? (() => ++this.lastConnectionId),
      onConnection: (id, remote) => this.options.transcript?.opened(id, remote),
      onClosed: (id) => this.options.transcript?.closed?.(id),
      faults: this.options.faults,
      onFault: (id, event) => this.options.transcript?.fault(id, event),
    });
    this.guard.guard(server);
    return { kind, requestedPort, server };
  }

  private serverOptions(kind: SmtpListenerKind): SMTPServerOptions {
    const tls = this.options.tls;
    return {
      name: this.hostname,
      banner: 'Mock SMTP server ready',
      logger: this.options.transcript ? transcriptLogger(this.options.transcript.line) : false,
      // No reverse DNS for the client's address: loopback only, and a lookup would cost ~100 ms.
      disableReverseLookup: true,
      authOptional: !requiresAuth(kind),
      authMethods: ['PLAIN', 'LOGIN'],
      authRequiredMessage: 'Authentication required',
      // Without requireTls, AUTH works in the clear too: the server listens on loopback for tests.
      allowInsecureAuth: !this.options.requireTls,
      ...(tls ? { key: tls.key, cert: tls.cert } : { disabledCommands: ['STARTTLS'] }),
      secure: kind === 'implicit-tls',
      hideENHANCEDSTATUSCODES: false,
      // REQUIRETLS (RFC 8689) governs relaying onwards, which this server never does: not offered.
      hideREQUIRETLS: true,
      size: this.options.maxMessageSize ?? 25 * 1024 * 1024,
      // The size limit decides alone, with the proper 552 5.3.4 (RFC 1870 §6.3, RFC 3463).
      rejectOversized: true,
      ...(this.options.maxRecipients ? { maxRecipients: this.options.maxRecipients } : {}),
      // Connections still open at close() are told 421 and dropped at once, so a test run never
      // waits on a client that forgot to QUIT.
      closeTimeout: 1,
      // smtp-server's own time-out runs on real time; it is set to the same length only as a
      // backstop, the guard's check on the server's clock being the one that counts.
      socketTimeout: this.limits.idleTimeoutMs,
    };
  }

  /** Asks the fault plan, filing what fired under the session's connection. */
  private askFaults<T>(session: SMTPServerSession, question: (plan: FaultPlan) => T): T | undefined {
    const plan = this.options.faults;
    if (!plan) return undefined;
    const { answer, fired } = askPlan(plan, question);
    for (const event of fired) this.options.transcript?.fault(Number(session.id), event);
    return answer;
  }

  /** A slow fault holds the greeting and the reply to a message's final dot back too. */
  private later(action: () => void): void {
    const delay = this.options.faults?.replyDelayMs('smtp') ?? 0;
    if (delay > 0) setTimeout(action, delay);
    else action();
  }

  private handlers(): Pick<SMTPServerOptions, 'onConnect' | 'onAuth' | 'onMailFrom' | 'onRcptTo' | 'onData' | 'onClose'> {
    return {
      onConnect: (_session, callback) => this.later(() => callback()),
      onAuth: (auth, session, callback) => {
        const account = this.store.authenticate(auth.username ?? '', auth.password ?? '');
        if (!account) return this.authFailed(session, callback, smtpError(535, 'Authentication credentials invalid'));
        // RFC 4616 §2: an authorization identity other than the authenticated one asks to act
        // as another user, which no user here may (IMAP answers AUTHORIZATIONFAILED the same).
        const authzid = auth.method === 'PLAIN' ? (auth as { authzid?: string }).authzid ?? '' : '';
        if (authzid !== '' && normaliseAddress(authzid) !== account.address) {
          return this.authFailed(session, callback, smtpError(535, `5.7.8 Not authorised to act as ${authzid}`));
        }
        callback(null, { user: account.address });
      },
      onClose: (session) => {
        this.authFailures.delete(session.id);
      },
      onMailFrom: (address, session, callback) => {
        // A throttled server answers 421 and closes the connection (RFC 5321 §3.8); smtp-server
        // closes after any 421 it sends.
        const throttled = this.askFaults(session, (plan) => plan.smtpTransaction());
        if (throttled) return callback(faultError(throttled));
        callback(utf8AddressRefusal(address, mailFromAnnouncesUtf8(address), 'sender'));
      },
      onRcptTo: (address, session, callback) => {
        const refusal = utf8AddressRefusal(address, session.envelope.smtpUtf8 === true, 'recipient');
        if (refusal) return callback(refusal);
        if (classifyRecipient(this.store, address.address).kind === 'unknown-local') {
          return callback(smtpError(550, `<${address.address}>: Recipient address rejected: User unknown in local recipient table`));
        }
        // Scripted refusals and greylisting come after the server's own checks, as a policy
        // service does: an unknown user is refused for what it is, not greylisted.
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const scripted = this.askFaults(session, (plan) => plan.smtpRecipient({ remoteAddress: session.remoteAddress, from, to: address.address }));
        if (scripted) return callback(faultError(scripted));
        callback();
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    };
  }

  /**
   * A failed AUTH is answered after a delay that grows with each failure on the connection, and
   * the last allowed failure closes it with 421 (smtp-server closes after any 421), so guessing
   * passwords costs time and connections, as with Dovecot's auth_failure_delay.
   */
  private authFailed(session: SMTPServerSession, callback: (error: Error) => void, error: Error): void {
    const failures = (this.authFailures.get(session.id) ?? 0) + 1;
    this.authFailures.set(session.id, failures);
    const answer = failures >= this.limits.maxAuthFailures ? smtpError(421, `4.7.0 Too many failed authentication attempts (${failures})`) : error;
    const delay = failures * this.limits.authFailureDelayMs;
    if (delay > 0) setTimeout(() => callback(answer), delay);
    else callback(answer);
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (err: Error) => callback(err));
    stream.on('end', () => {
      // With rejectOversized, smtp-server answers 552 itself; nothing of the message is kept.
      if (stream.sizeExceeded) return callback(smtpError(552, 'Message exceeds fixed maximum message size'));
      const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      const id = ++this.traceCounter;
      const raw = prependHeaders(Buffer.concat(chunks), traceFields(session, mailFrom, this.hostname, id, this.store.clock()));
      const report = deliver(this.store, this.outbox, mailFrom, recipients, raw);
      const event: SmtpDeliveryEvent = { mailFrom, recipients, ...report };
      this.options.faults?.smtpMessageAccepted();
      for (const listener of [...this.deliveryListeners]) listener(event);
      this.later(() => callback(null, `Message queued as ${id}`));
    });
  }
}
