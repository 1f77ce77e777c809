import { ImapServer, type TranscriptEntry } from './imap/index.ts';
import { SmtpMockServer, type SmtpDeliveryEvent } from './smtp/index.ts';
import { MailStore, type Account, type Clock } from './store/index.ts';
import { resolveTls, type TlsCredentials, type TlsOption } from './tls/index.ts';

export interface MockMailServerOptions {
  /** Time source for INTERNALDATE and trace fields; the wall clock if omitted. */
  clock?: Clock;
  host?: string;
  /** 0 (the default) lets the system pick free ports, so parallel runs never clash. */
  smtpPort?: number;
  imapPort?: number;
  /** Largest message accepted over SMTP, in octets (SIZE, RFC 1870). */
  maxMessageSize?: number;
  /** Most recipients per SMTP transaction (452 4.5.3 past it). */
  maxRecipients?: number;
  /**
   * TLS: `true` for the shipped test-only certificate (mock-servers/tls/), or a key and
   * certificate of your own. STARTTLS is then offered on SMTP and IMAP, and the implicit-TLS
   * listeners open too unless their port is `false`.
   */
  tls?: TlsOption;
  /** Plaintext AUTH/LOGIN refused until STARTTLS, on both protocols (IMAP: LOGINDISABLED). */
  requireTls?: boolean;
  /** Opens the SMTP submission listener (AUTH required, like port 587). */
  submission?: boolean;
  submissionPort?: number;
  /** Implicit-TLS SMTP submission (like 465); with `tls`, 0 unless `false`. */
  smtpsPort?: number | false;
  /** Implicit-TLS IMAP (like 993); with `tls`, 0 unless `false`. */
  imapsPort?: number | false;
}

/** One line of what happened on the wire, for a test's failure report. */
export type WireEvent =
  | { readonly protocol: 'imap'; readonly entry: TranscriptEntry }
  | { readonly protocol: 'smtp'; readonly delivery: SmtpDeliveryEvent };

export interface Endpoints {
  host: string;
  smtpPort: number;
  imapPort: number;
  /** Present when that listener is open. */
  submissionPort?: number;
  smtpsPort?: number;
  imapsPort?: number;
}

export type ListenerName = 'smtp' | 'submission' | 'smtps' | 'imap' | 'imaps';

/** One open listener, as `addresses()` reports it. */
export interface ListenerAddress {
  readonly name: ListenerName;
  readonly protocol: 'smtp' | 'imap';
  readonly host: string;
  readonly port: number;
  /** How TLS starts: never, by STARTTLS, or from the first byte. */
  readonly tls: 'none' | 'starttls' | 'implicit';
  /** Mail can only be handed over after AUTH (IMAP always needs a login). */
  readonly authRequired: boolean;
}

const SMTP_NAMES = { inbound: 'smtp', submission: 'submission', 'implicit-tls': 'smtps' } as const;

/**
 * The embeddable test mail server: one in-memory store behind real SMTP and IMAP servers on
 * loopback, with optional TLS. Any mail client can use it; it knows nothing of the CRM.
 */
export class MockMailServer {
  readonly store: MailStore;
  readonly smtp: SmtpMockServer;
  readonly imap: ImapServer;
  /** The implicit-TLS IMAP server, when open. */
  readonly imaps: ImapServer | undefined;
  private readonly host: string;
  private readonly credentials: TlsCredentials | undefined;
  private endpoints: Endpoints | undefined;
  private readonly wireListeners = new Set<(event: WireEvent) => void>();

  constructor(options: MockMailServerOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.credentials = options.tls ? resolveTls(options.tls) : undefined;
    const tls = this.credentials;
    if (!tls && (options.requireTls || typeof options.smtpsPort === 'number' || typeof options.imapsPort === 'number')) {
      throw new Error('requireTls, smtpsPort and imapsPort need the tls option (true for the shipped test certificate)');
    }
    const implicitPort = (port: number | false | undefined) => (tls && port !== false ? port ?? 0 : undefined);
    this.store = new MailStore(options.clock ? { clock: options.clock } : {});
    this.smtp = new SmtpMockServer({
      store: this.store,
      host: this.host,
      port: options.smtpPort ?? 0,
      ...(options.maxMessageSize ? { maxMessageSize: options.maxMessageSize } : {}),
      ...(options.maxRecipients ? { maxRecipients: options.maxRecipients } : {}),
      ...(tls ? { tls, requireTls: options.requireTls ?? false } : {}),
      ...(options.submission || options.submissionPort !== undefined ? { submissionPort: options.submissionPort ?? 0 } : {}),
      ...(implicitPort(options.smtpsPort) === undefined ? {} : { implicitTlsPort: implicitPort(options.smtpsPort) }),
    });
    // One id sequence for both IMAP servers, so transcript lines never mix up two sessions.
    let lastConnectionId = 0;
    const imapOptions = {
      store: this.store,
      host: this.host,
      onLine: (entry: TranscriptEntry) => this.emitWire({ protocol: 'imap', entry }),
      nextConnectionId: () => ++lastConnectionId,
      ...(tls ? { tls, requireTls: options.requireTls ?? false } : {}),
    };
    this.imap = new ImapServer({ ...imapOptions, port: options.imapPort ?? 0 });
    const imapsPort = implicitPort(options.imapsPort);
    this.imaps = imapsPort === undefined ? undefined : new ImapServer({ ...imapOptions, port: imapsPort, implicitTls: true });
    this.smtp.onDelivery((delivery) => this.emitWire({ protocol: 'smtp', delivery }));
  }

  /** The certificate the servers present (PEM), for clients to trust as their CA; undefined without TLS. */
  get certificate(): Buffer | undefined {
    return this.credentials?.cert;
  }

  /** Every IMAP line (passwords redacted) and every SMTP delivery, as they happen. */
  onWire(listener: (event: WireEvent) => void): () => void {
    this.wireListeners.add(listener);
    return () => this.wireListeners.delete(listener);
  }

  private emitWire(event: WireEvent): void {
    for (const listener of [...this.wireListeners]) listener(event);
  }

  /** Opens every listener; if one cannot (say its port is taken), closes the others and rejects. */
  async start(): Promise<Endpoints> {
    const opening = [this.smtp.listen(), this.imap.listen(), this.imaps?.listen()] as const;
    const failure = (await Promise.allSettled(opening)).find((result) => result.status === 'rejected');
    if (failure) {
      await this.stop();
      throw failure.reason;
    }
    const [smtp, imap, imaps] = await Promise.all(opening);
    const byKind = new Map(this.smtp.addresses().map((a) => [a.kind, a.port]));
    const submissionPort = byKind.get('submission');
    const smtpsPort = byKind.get('implicit-tls');
    this.endpoints = {
      host: this.host,
      smtpPort: smtp.port,
      imapPort: imap.port,
      ...(submissionPort === undefined ? {} : { submissionPort }),
      ...(smtpsPort === undefined ? {} : { smtpsPort }),
      ...(imaps ? { imapsPort: imaps.port } : {}),
    };
    return this.endpoints;
  }

  get address(): Endpoints {
    if (!this.endpoints) throw new Error('The mock mail server is not started');
    return this.endpoints;
  }

  /** Every listener that is open: SMTP ones first (smtp, submission, smtps), then imap, imaps. */
  addresses(): ListenerAddress[] {
    const { host, imapPort, imapsPort } = this.address;
    const tlsConfigured = this.credentials !== undefined;
    const smtp = this.smtp.addresses().map((a): ListenerAddress => ({ name: SMTP_NAMES[a.kind], protocol: 'smtp', host, port: a.port, tls: a.tls, authRequired: a.authRequired }));
    const imap: ListenerAddress[] = [{ name: 'imap', protocol: 'imap', host, port: imapPort, tls: tlsConfigured ? 'starttls' : 'none', authRequired: true }];
    if (imapsPort !== undefined) imap.push({ name: 'imaps', protocol: 'imap', host, port: imapsPort, tls: 'implicit', authRequired: true });
    return [...smtp, ...imap];
  }

  addAccount(address: string, password: string): Account {
    return this.store.createAccount({ address, password });
  }

  async stop(): Promise<void> {
    await Promise.all([this.smtp.close(), this.imap.close(), this.imaps?.close()]);
    this.endpoints = undefined;
  }
}
